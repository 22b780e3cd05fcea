using System.Globalization;
using MimeKit;
using PetitionBot.Core.Email;

namespace PetitionBot.Email;

/// <summary>The one message a verification sends: plain text, who sent it and why, the code and its life, and that
/// nothing else will follow. No links, no images, no tracking headers.</summary>
internal static class VerificationMessage
{
    public static MimeMessage Create(string from, VerificationCodeMail mail, DateTimeOffset now)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(mail.To));
        var (subject, why, where) = Purpose(mail);
        message.Subject = $"{subject}: {mail.Code}";
        message.Date = now;
        var minutes = ((int)Math.Round(mail.ValidFor.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        message.Body = new TextPart("plain")
        {
            Text =
                $"""
                Hello,

                Someone asked PetitionBot to confirm that this school address belongs to them, {why}.

                Your code: {mail.Code}

                Type it in the chat where you {where}. It works for {minutes} minutes.

                This is the only message PetitionBot sends to this address: your address is not kept, only a
                one-way fingerprint of it, so the same address cannot sign twice. If you did not ask for this code,
                ignore this message; nothing happens without it.

                — PetitionBot, on behalf of the campaign's organizers
                """,
        };
        return message;
    }

    /// <summary>The subject (before the code), why the code was asked for, and where it was asked.</summary>
    private static (string Subject, string Why, string Where) Purpose(VerificationCodeMail mail) => mail.Purpose switch
    {
        VerificationPurpose.Unsign => ($"Your code to withdraw your signature from \"{mail.CampaignTitle}\"",
            $"to withdraw the signature made with it from the petition \"{mail.CampaignTitle}\"", "asked to withdraw it"),
        VerificationPurpose.MyData => ("Your code to see your PetitionBot data",
            "to see the signatures made with it", "asked to see them"),
        _ => ($"Your code to sign \"{mail.CampaignTitle}\"",
            $"to sign the petition \"{mail.CampaignTitle}\" as a verified medical student or resident", "started signing"),
    };
}
