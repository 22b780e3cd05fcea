using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.SocketMode;

/// <summary>Opens one Socket Mode connection: a fresh URL from apps.connections.open, the socket, and its hello within
/// Slack:HelloTimeout. Says whether a failure is fatal (an auth error: stop the adapter) or worth retrying (with
/// Slack's Retry-After when it gave one). Numbers the connections it opens.</summary>
internal sealed class SocketModeOpener(
    SlackWebApi api,
    ISocketModeTransportFactory transports,
    ChannelWriter<QueuedEnvelope> queue,
    SlackOptions options,
    TimeProvider time,
    ILogger logger)
{
    private static readonly HashSet<string> FatalErrors = new(StringComparer.Ordinal)
    {
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type", "missing_scope", "no_app_token",
    };

    private int _connectionIds;

    /// <summary>How many sockets were opened so far.</summary>
    public int Opened => Volatile.Read(ref _connectionIds);

    public async Task<SocketModeOpenResult> OpenAsync(CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(options.AppToken))
        {
            return new SocketModeOpenResult(null, "Slack:AppToken is not set", null, null);
        }

        var (response, url) = await api.OpenConnectionAsync(options.AppToken, ct).ConfigureAwait(false);
        if (!response.Ok || url is null)
        {
            var error = response.Error ?? "no url";
            return FatalErrors.Contains(error)
                ? new SocketModeOpenResult(null, $"apps.connections.open failed: {error} (check Slack:AppToken)", null, null)
                : new SocketModeOpenResult(null, null, response.RetryAfter, error);
        }

        var id = Interlocked.Increment(ref _connectionIds);
        var connection = new SocketModeConnection(id, transports.Create(), queue, options, time, logger, ct);
        try
        {
            await connection.StartAsync(url, ct).ConfigureAwait(false);
            var num = await connection.Hello.WaitAsync(options.HelloTimeout, time, ct).ConfigureAwait(false);
            SlackLog.Connected(logger, id, num);
            return new SocketModeOpenResult(connection, null, null, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (ex is TimeoutException)
            {
                SlackLog.SocketSilent(logger, id);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            return new SocketModeOpenResult(null, null, null, ex is TimeoutException ? "no hello" : "connect failed");
        }
    }
}
