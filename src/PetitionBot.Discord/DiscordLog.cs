using Microsoft.Extensions.Logging;

namespace PetitionBot.Discord;

/// <summary>Source-generated log messages of the Discord adapter. Never logs tokens, names or message text; ids only at Debug.</summary>
internal static partial class DiscordLog
{
    [LoggerMessage(1, LogLevel.Information, "Discord adapter starting; invite URL: {InviteUrl}")]
    public static partial void Starting(this ILogger logger, string inviteUrl);

    [LoggerMessage(2, LogLevel.Information, "Discord gateway connected (session ready)")]
    public static partial void Ready(this ILogger logger);

    [LoggerMessage(3, LogLevel.Information, "Discord gateway session resumed")]
    public static partial void Resumed(this ILogger logger);

    [LoggerMessage(4, LogLevel.Warning, "Discord gateway connection lost ({Reason}); reconnecting in {DelayMs} ms (resume: {Resume})")]
    public static partial void Reconnecting(this ILogger logger, string reason, long delayMs, bool resume);

    [LoggerMessage(5, LogLevel.Critical, "Discord adapter stopped: {Reason}. It will not reconnect; the rest of the host keeps running.")]
    public static partial void Stopped(this ILogger logger, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Discord heartbeat not acknowledged: zombie connection, reconnecting")]
    public static partial void Zombie(this ILogger logger);

    [LoggerMessage(7, LogLevel.Information, "Registered {Count} Discord commands ({Scope})")]
    public static partial void CommandsRegistered(this ILogger logger, int count, string scope);

    [LoggerMessage(8, LogLevel.Error, "Discord command registration failed ({Scope}): HTTP {Status}, code {Code}")]
    public static partial void CommandsFailed(this ILogger logger, string scope, int status, int? code);

    [LoggerMessage(9, LogLevel.Debug, "Discord interaction {InteractionId} type {Type} received")]
    public static partial void InteractionReceived(this ILogger logger, string interactionId, int type);

    [LoggerMessage(10, LogLevel.Debug, "Discord interaction {InteractionId} repeated: ignored")]
    public static partial void InteractionDuplicate(this ILogger logger, string interactionId);

    [LoggerMessage(11, LogLevel.Warning, "Discord interaction response failed: HTTP {Status}, code {Code}")]
    public static partial void InteractionResponseFailed(this ILogger logger, int status, int? code);

    [LoggerMessage(12, LogLevel.Error, "Discord interaction handling failed")]
    public static partial void InteractionFailed(this ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Warning, "Discord REST rate limited on {Route}; retry after {RetryAfterMs} ms (global: {Global})")]
    public static partial void RateLimited(this ILogger logger, string route, long retryAfterMs, bool global);

    [LoggerMessage(14, LogLevel.Warning, "Discord session start limit exhausted; waiting {DelayMs} ms before identifying")]
    public static partial void SessionStartLimit(this ILogger logger, long delayMs);

    [LoggerMessage(15, LogLevel.Error, "Discord event handler failed for {EventName}")]
    public static partial void EventFailed(this ILogger logger, Exception exception, string eventName);

    [LoggerMessage(16, LogLevel.Warning, "Discord gateway error: {Message}")]
    public static partial void GatewayError(this ILogger logger, string message);

    [LoggerMessage(17, LogLevel.Debug, "Discord guild {GuildId} {Change}")]
    public static partial void GuildChanged(this ILogger logger, string guildId, string change);

    [LoggerMessage(18, LogLevel.Error, "Discord adapter failed unexpectedly")]
    public static partial void Unexpected(this ILogger logger, Exception exception);

    [LoggerMessage(19, LogLevel.Information, "Discord adapter stopping: finishing interactions already received, then closing the gateway (restart: {Restart})")]
    public static partial void Stopping(this ILogger logger, bool restart);

    [LoggerMessage(20, LogLevel.Information, "Discord session saved for the next start (restart): it resumes if started again within {ValiditySeconds} s")]
    public static partial void HandoffSaved(this ILogger logger, long validitySeconds);

    [LoggerMessage(21, LogLevel.Information, "Discord session of the previous run found: resuming it")]
    public static partial void HandoffFound(this ILogger logger);

    [LoggerMessage(22, LogLevel.Information, "Discord session of the previous run is too old or incomplete: identifying anew")]
    public static partial void HandoffStale(this ILogger logger);

    [LoggerMessage(23, LogLevel.Warning, "Discord session handoff file unusable ({Error}): identifying anew")]
    public static partial void HandoffUnusable(this ILogger logger, string error);

    [LoggerMessage(24, LogLevel.Warning, "Discord {EventName} payload does not have Discord's shape (at {JsonPath}): skipped")]
    public static partial void EventMalformed(this ILogger logger, string eventName, string jsonPath);
}
