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
        message.Subject = $"Your code to sign \"{mail.CampaignTitle}\": {mail.Code}";
        message.Date = now;
        var minutes = ((int)Math.Round(mail.ValidFor.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
        message.Body = new TextPart("plain")
        {
            Text =
                $"""
                Hello,

                Someone asked PetitionBot to confirm that this school address belongs to them, to sign the petition
                "{mail.CampaignTitle}" as a verified medical student or resident.

                Your code: {mail.Code}

                Type it in the chat where you started signing. It works for {minutes} minutes.

                This is the only message PetitionBot sends to this address: your address is not kept, only a
                one-way fingerprint of it, so the same address cannot sign twice. If you did not ask for this code,
                ignore this message; nothing happens without it.

                — PetitionBot, on behalf of the campaign's organizers
                """,
        };
        return message;
    }
}
