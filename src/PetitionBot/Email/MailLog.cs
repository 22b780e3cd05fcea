using PetitionBot.Core.Email;

namespace PetitionBot.Email;

/// <summary>The mailer's log lines. None carries the address, the code or the campaign text.</summary>
internal static partial class MailLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "A verification code was not sent: {Failure} ({Reason})")]
    public static partial void SendFailed(ILogger logger, MailFailure failure, string reason);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "A verification code was sent over SMTP")]
    public static partial void Sent(ILogger logger);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "A verification code was written to the pickup folder")]
    public static partial void WrittenToPickup(ILogger logger);
}
