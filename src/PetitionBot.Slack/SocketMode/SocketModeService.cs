using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.AdapterSupport.Hosting;
using PetitionBot.Core.Telemetry;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.SocketMode;

/// <summary>Keeps a Socket Mode connection to Slack: a fresh URL from apps.connections.open for every connection,
/// hello, disconnect reasons (warning/refresh_requested: open the new socket before closing the old; link_disabled: stop;
/// too_many_websockets: close, then back off), dropped or silent sockets replaced, auth errors stop the adapter with one
/// log line. Envelopes are acknowledged by the read loop when their ack carries no answer and handled by workers from
/// two bounded lanes (<see cref="SocketModeLanes"/>); every envelope is acknowledged exactly once; a
/// redelivered envelope is only acknowledged. Never lets an exception escape (that would stop the host).
/// Stopping takes no new envelopes (they stay unacknowledged, so Slack delivers them again later) but finishes every
/// envelope already taken, acknowledgement and reply included, on a socket kept open until then; only the host's
/// shutdown timeout cuts that short.</summary>
internal sealed class SocketModeService : DrainingBackgroundService
{
    private readonly SlackTokenProvider _tokens;
    private readonly SlackAdapterStatus _status;
    private readonly SlackOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SocketModeService> _logger;
    private readonly SocketModeLanes _queue;
    private readonly SocketModeOpener _opener;
    private readonly SocketModeEnvelopeWorker _worker;
    private readonly List<SocketModeConnection> _draining = [];

    public SocketModeService(
        SlackWebApi api,
        SlackTokenProvider tokens,
        ISocketModeTransportFactory transports,
        ISlackEnvelopeHandler handler,
        SlackAdapterStatus status,
        IOptions<SlackOptions> options,
        TimeProvider time,
        ILogger<SocketModeService> logger,
        IHandledKeys seen)
    {
        _tokens = tokens;
        _status = status;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _queue = new SocketModeLanes(_options.QueueCapacity);
        _opener = new SocketModeOpener(api, transports, _queue, _options, time, logger);
        _worker = new SocketModeEnvelopeWorker(handler, seen, _options, time, logger);
    }

    /// <summary>How many sockets were opened so far (diagnostics and tests).</summary>
    public int ConnectionsOpened => _opener.Opened;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, Math.Max(1, _options.Workers))
            .SelectMany(_ => new[] { _queue.Work, _queue.Answers })
            .Select(lane => Task.Run(() => WorkerAsync(lane, Abandoned), CancellationToken.None))
            .ToArray();
        using var stopping = stoppingToken.Register(() =>
        {
            SlackLog.Stopping(_logger);
            _status.Set(AdapterState.Stopped, "host stopping");
        });
        try
        {
            if (string.IsNullOrWhiteSpace(_options.BotToken) && !_tokens.HasInstallationStore)
            {
                Stop("neither Slack:BotToken nor an installation store is configured");
                return;
            }

            await SuperviseAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _status.Set(AdapterState.Stopped, "host stopping");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Stop("unexpected error " + ex.GetType().Name);
        }
        finally
        {
            _queue.TryComplete();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        foreach (var connection in _draining)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Stop(string reason)
    {
        SlackLog.AdapterStopped(_logger, reason);
        _status.Set(AdapterState.Stopped, reason);
    }

    private async Task SuperviseAsync(CancellationToken ct)
    {
        SocketModeConnection? current = null;
        var failures = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (current is null)
                {
                    var opened = await _opener.OpenAsync(ct).ConfigureAwait(false);
                    if (opened.Fatal is { } fatal)
                    {
                        Stop(fatal);
                        return;
                    }

                    if (opened.Connection is null)
                    {
                        failures++;
                        await BackOffAsync(failures, opened.RetryAfter, opened.Error, ct).ConfigureAwait(false);
                        continue;
                    }

                    current = opened.Connection;
                    _status.Set(AdapterState.Connected);
                }

                var connectedAt = _time.GetUtcNow();
                var reason = await current.Ended.WaitAsync(ct).ConfigureAwait(false);
                switch (reason)
                {
                    case "link_disabled":
                        await current.RetireAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
                        current = null;
                        Stop("Socket Mode is disabled for this Slack app (link_disabled)");
                        return;
                    case "too_many_websockets":
                        await current.DisposeAsync().ConfigureAwait(false);
                        current = null;
                        _status.Set(AdapterState.Reconnecting, "too_many_websockets");
                        CountReconnect("toomany");
                        await Task.Delay(_options.TooManyWebsocketsDelay, _time, ct).ConfigureAwait(false);
                        continue;
                    case null:
                        await current.DisposeAsync().ConfigureAwait(false);
                        current = null;
                        _status.Set(AdapterState.Reconnecting, "connection dropped");
                        CountReconnect("dropped");
                        failures = _time.GetUtcNow() - connectedAt < TimeSpan.FromSeconds(10) ? failures + 1 : 0;
                        if (failures > 0)
                        {
                            await BackOffAsync(failures, null, "connection dropped", ct).ConfigureAwait(false);
                        }

                        continue;
                    default:
                        // warning, refresh_requested (or anything new): replace before closing, so nothing is lost.
                        var old = current;
                        current = null;
                        current = await ReplaceAsync(old, ct).ConfigureAwait(false);
                        if (current is null)
                        {
                            return;
                        }

                        failures = 0;
                        continue;
                }
            }
        }
        finally
        {
            if (current is not null)
            {
                await RetireAsync(current, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A socket no longer needed: closed now, unless the host is stopping, when it only stops taking envelopes
    /// and stays open for the acks of those already taken (closed after the workers finish).</summary>
    private async Task RetireAsync(SocketModeConnection connection, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            connection.StopAccepting();
            _draining.Add(connection);
            return;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<SocketModeConnection?> ReplaceAsync(SocketModeConnection old, CancellationToken ct)
    {
        var failures = 0;
        try
        {
            while (true)
            {
                var opened = await _opener.OpenAsync(ct).ConfigureAwait(false);
                if (opened.Fatal is { } fatal)
                {
                    Stop(fatal);
                    return null;
                }

                if (opened.Connection is { } replacement)
                {
                    _status.Set(AdapterState.Connected);
                    _ = old.RetireAsync(TimeSpan.FromSeconds(3));
                    return replacement;
                }

                failures++;
                await BackOffAsync(failures, opened.RetryAfter, opened.Error, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            await RetireAsync(old, ct).ConfigureAwait(false);
            throw;
        }
    }

    private async Task BackOffAsync(int failures, TimeSpan? retryAfter, string? error, CancellationToken ct)
    {
        var exponential = _options.ReconnectDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        var delay = exponential > _options.MaxReconnectDelay ? _options.MaxReconnectDelay : exponential;
        if (retryAfter is { } ra && ra > delay)
        {
            delay = ra;
        }

        _status.Set(AdapterState.Reconnecting, error);
        SlackLog.OpenFailed(_logger, error ?? "unknown", delay);
        await Task.Delay(delay, _time, ct).ConfigureAwait(false);
    }

    private async Task WorkerAsync(ChannelReader<QueuedEnvelope> lane, CancellationToken ct)
    {
        await foreach (var item in lane.TakeEachAsync(CancellationToken.None).ConfigureAwait(false))
        {
            await _worker.ProcessAsync(item, ct).ConfigureAwait(false);
        }
    }

    private static void CountReconnect(string reason) =>
        BotMetrics.Reconnects.Add(1, new KeyValuePair<string, object?>("platform", "slack"), new KeyValuePair<string, object?>("reason", reason));
}
