using MailKit.Net.Smtp;

namespace PetitionBot.Email;

/// <summary>An open, idle SMTP connection: how many messages it has carried and when it was last given back.</summary>
internal sealed record SmtpConnection(SmtpClient Client, int Sent, long ReturnedAt);
