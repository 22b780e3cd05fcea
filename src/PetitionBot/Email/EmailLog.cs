namespace PetitionBot.Email;

/// <summary>Mail log lines. Never the address, the code or the campaign text: only what went wrong, in words.</summary>
internal static partial class EmailLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "A verification code could not be sent: the mail server refused it ({Status}).")]
    public static partial void Refused(ILogger logger, string status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "A verification code could not be sent: the mail server was unreachable ({Reason}).")]
    public static partial void Unreachable(ILogger logger, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "A verification code was written to the pickup directory.")]
    public static partial void PickedUp(ILogger logger);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug, Message = "A verification code was handed to the mail server.")]
    public static partial void Sent(ILogger logger);
}
