using Microsoft.Extensions.Logging;

namespace PetitionBot.Slack;

/// <summary>Source-generated log messages. Never tokens, names or message text; ids only at Debug.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(1, LogLevel.Information, "Slack Socket Mode connected (connection {ConnectionId}, {NumConnections} open)")]
    public static partial void Connected(ILogger logger, int connectionId, int numConnections);

    [LoggerMessage(2, LogLevel.Information, "Slack asked to disconnect connection {ConnectionId}: {Reason}")]
    public static partial void DisconnectRequested(ILogger logger, int connectionId, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Slack connection {ConnectionId} dropped; reconnecting")]
    public static partial void ConnectionDropped(ILogger logger, int connectionId);

    [LoggerMessage(4, LogLevel.Error, "Slack adapter stopped: {Reason}. The rest of the host keeps running.")]
    public static partial void AdapterStopped(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Opening a Slack socket failed ({Error}); retrying in {Delay}")]
    public static partial void OpenFailed(ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(6, LogLevel.Debug, "Duplicate Slack envelope {EnvelopeId} (retry {RetryAttempt}) acknowledged and skipped")]
    public static partial void DuplicateEnvelope(ILogger logger, string envelopeId, int retryAttempt);

    [LoggerMessage(7, LogLevel.Error, "Handling a Slack {EnvelopeType} envelope failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string envelopeType);

    [LoggerMessage(8, LogLevel.Debug, "Could not acknowledge Slack envelope {EnvelopeId}: the socket is gone")]
    public static partial void AckFailed(ILogger logger, string envelopeId);

    [LoggerMessage(9, LogLevel.Warning, "Slack API {Method} failed: {Error}")]
    public static partial void ApiFailed(ILogger logger, string method, string error);

    [LoggerMessage(10, LogLevel.Debug, "Slack API {Method} rate limited for {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string method, TimeSpan retryAfter);

    [LoggerMessage(19, LogLevel.Information, "Slack API {Method} sent without its pacing wait of {Wait}: it would be useless by then")]
    public static partial void PacingSkipped(ILogger logger, string method, TimeSpan wait);

    [LoggerMessage(11, LogLevel.Warning, "Slack socket {ConnectionId} went silent; replacing it")]
    public static partial void SocketSilent(ILogger logger, int connectionId);

    /// <summary>Workspace ids are logged at Debug only (SECURITY.md): the Information line names no workspace.</summary>
    public static void Installed(ILogger logger, string teamId)
    {
        InstalledSomewhere(logger);
        InstalledIn(logger, teamId);
    }

    [LoggerMessage(12, LogLevel.Information, "Slack app installed in a workspace")]
    private static partial void InstalledSomewhere(ILogger logger);

    [LoggerMessage(26, LogLevel.Debug, "Slack app installed in team {TeamId}")]
    private static partial void InstalledIn(ILogger logger, string teamId);

    [LoggerMessage(13, LogLevel.Warning, "Slack OAuth callback rejected: {Reason}")]
    public static partial void OAuthRejected(ILogger logger, string reason);

    [LoggerMessage(14, LogLevel.Debug, "Slack unparseable socket message ignored")]
    public static partial void UnparseableMessage(ILogger logger, Exception exception);

    /// <summary>The warning names the method and Slack's error; the workspace id goes to Debug only.</summary>
    public static void DirectoryFailed(ILogger logger, string method, string teamId, string error)
    {
        DirectoryLookupFailed(logger, method, error);
        DirectoryLookupTeam(logger, method, teamId);
    }

    [LoggerMessage(15, LogLevel.Warning, "Slack directory lookup {Method} failed: {Error}")]
    private static partial void DirectoryLookupFailed(ILogger logger, string method, string error);

    [LoggerMessage(27, LogLevel.Debug, "Slack directory lookup {Method} failed for team {TeamId}")]
    private static partial void DirectoryLookupTeam(ILogger logger, string method, string teamId);

    [LoggerMessage(16, LogLevel.Warning, "Slack reply delivery step {Step} failed: {Error}")]
    public static partial void DeliveryFailed(ILogger logger, string step, string error);

    [LoggerMessage(17, LogLevel.Information, "Slack adapter stopping: no new envelopes; finishing the ones already received")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(18, LogLevel.Information, "Slack envelope arrived while stopping: not taken, Slack delivers it again")]
    public static partial void EnvelopeNotTaken(ILogger logger);
}
