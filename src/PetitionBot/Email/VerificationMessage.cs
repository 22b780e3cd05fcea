using System.Globalization;
using MimeKit;
using PetitionBot.Core.Email;

namespace PetitionBot.Email;

/// <summary>Builds the one message a verification sends: plain text, no links, no images, no tracking headers. It says
/// who sends it and why, carries the code and how long it lasts, promises nothing else will come, and tells a person
/// who did not ask to ignore it.</summary>
internal static class VerificationMessage
{
    public const string DefaultFrom = "PetitionBot <petitionbot@localhost>";

    public static MimeMessage Build(VerificationCodeMail mail, string? from, DateTimeOffset now)
    {
        var sender = MailboxAddress.Parse(string.IsNullOrWhiteSpace(from) ? DefaultFrom : from);
        if (string.IsNullOrEmpty(sender.Name))
        {
            sender.Name = "PetitionBot";
        }

        var message = new MimeMessage
        {
            Subject = $"Your code to sign \"{mail.CampaignTitle}\"",
            Date = now,
            Body = new TextPart("plain") { Text = Text(mail) },
        };
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    public static string Text(VerificationCodeMail mail)
    {
        var minutes = Math.Max(1, (int)Math.Round(mail.ValidFor.TotalMinutes));
        var life = minutes == 1 ? "1 minute" : string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes");
        return $"""
            Hello,

            Someone asked PetitionBot, the chat bot that collects signatures for the petition "{mail.CampaignTitle}",
            to verify this address so that they can sign it as a member of your school.

            Your code: {mail.Code}

            Type it in the form where you asked for it. It works for {life}.

            This is the only message you will get from us: no newsletter, no reminders. The address is kept only as a
            one-way fingerprint (so it can sign once) and its domain, never in plain text.

            If you did not ask for this, ignore this message: nothing is signed without the code.

            PetitionBot, on behalf of the organizers of "{mail.CampaignTitle}"

            """.ReplaceLineEndings("\r\n");
    }
}
