using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Gateway;

/// <summary>Keeps one gateway session alive: discovers the URL with <c>GET /gateway/bot</c>, resumes after drops,
/// identifies anew when the session is gone, backs off with jitter, respects <c>session_start_limit</c>, and stops
/// for good (status Stopped, one log line) on fatal close codes. Never throws except for cancellation.
/// When the host stops it closes with 1000 (session over); when it stops to restart (<see cref="ShutdownIntent"/>) it
/// closes with 4000 and leaves the session in the handoff file, and the next process resumes it.</summary>
internal sealed class GatewayClient(
    DiscordRestClient rest,
    Func<IGatewayTransport> transports,
    IOptions<DiscordOptions> options,
    DiscordAdapterStatus status,
    GatewayTimings timings,
    TimeProvider time,
    GatewaySessionHandoff handoff,
    ShutdownIntent shutdown,
    ILogger<GatewayClient> logger) : IGatewayClient
{
    private const int MaxFailedResumes = 3;
    private readonly GatewaySession _session = new();
    private long? _lastIdentify;
    private bool _established;

    public async Task RunAsync(ChannelWriter<GatewayDispatch> events, CancellationToken ct = default)
    {
        if (!_session.CanResume && await handoff.TakeAsync(ct).ConfigureAwait(false) is { } saved)
        {
            logger.HandoffFound();
            _session.SessionId = saved.SessionId;
            _session.ResumeUrl = saved.ResumeUrl;
            _session.Sequence = saved.Sequence;
        }

        try
        {
            await RunSessionsAsync(events, ct).ConfigureAwait(false);
        }
        finally
        {
            if (ct.IsCancellationRequested)
            {
                await HandOverAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>After the host stopped: on a restart, leave the session for the next process; otherwise leave nothing.</summary>
    private async Task HandOverAsync()
    {
        if (shutdown.IsRestart && _session is { SessionId: { } id, ResumeUrl: { } url })
        {
            await handoff.SaveAsync(new GatewaySessionState(id, url, _session.Sequence, time.GetUtcNow())).ConfigureAwait(false);
        }
        else
        {
            handoff.Discard();
        }
    }

    private async Task RunSessionsAsync(ChannelWriter<GatewayDispatch> events, CancellationToken ct)
    {
        var attempt = 0;
        var failedResumes = 0;
        while (!ct.IsCancellationRequested)
        {
            var resume = _session.CanResume && failedResumes < MaxFailedResumes;
            string? url;
            if (resume)
            {
                url = _session.ResumeUrl;
            }
            else
            {
                _session.Clear();
                failedResumes = 0;
                (url, var stop) = await DiscoverAsync(ct).ConfigureAwait(false);
                if (stop is not null)
                {
                    Stop(stop);
                    return;
                }

                if (url is null)
                {
                    await DelayAsync(Backoff(attempt++), "gateway discovery failed", false, ct).ConfigureAwait(false);
                    continue;
                }

                await WaitIdentifySpacingAsync(ct).ConfigureAwait(false);
            }

            var outcome = await ConnectOnceAsync(url!, resume, events, ct).ConfigureAwait(false);
            if (outcome is null)
            {
                return;
            }

            if (outcome.Next == SessionNext.Stop)
            {
                Stop(outcome.Reason);
                return;
            }

            if (outcome.Next == SessionNext.Identify)
            {
                _session.Clear();
            }

            if (_established)
            {
                attempt = 0;
                failedResumes = 0;
            }
            else if (resume)
            {
                failedResumes++;
            }

            status.Set(AdapterState.Reconnecting, outcome.Reason);
            await DelayAsync(outcome.Delay ?? Backoff(attempt++), outcome.Reason, outcome.Next == SessionNext.Resume && _session.CanResume, ct)
                .ConfigureAwait(false);
        }
    }

    private async Task<SessionOutcome?> ConnectOnceAsync(string url, bool resume, ChannelWriter<GatewayDispatch> events, CancellationToken ct)
    {
        _established = false;
        var transport = transports();
        await using (transport.ConfigureAwait(false))
        {
            try
            {
                await transport.ConnectAsync(BuildUri(url), ct).ConfigureAwait(false);
                if (!resume)
                {
                    _lastIdentify = time.GetTimestamp();
                }

                var connection = new GatewayConnection(transport, _session, events, status, options.Value.Token, time, timings, logger, shutdown);
                var outcome = await connection.RunAsync(resume, ct).ConfigureAwait(false);
                _established = connection.Established;
                return _established && outcome.Delay is null ? outcome with { Delay = timings.InitialBackoff * Random.Shared.NextDouble() } : outcome;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The connection already sent its close frame when it was running; this covers a stop while connecting.
                using var closeCts = new CancellationTokenSource(timings.CloseWait, time);
                await transport.CloseAsync(GatewayCloseCodes.ForStop(shutdown.IsRestart), closeCts.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return null;
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                logger.GatewayError(ex.GetType().Name);
                return new SessionOutcome(resume ? SessionNext.Resume : SessionNext.Identify, ex.GetType().Name);
            }
        }
    }

    /// <summary>The gateway URL, or a reason to stop (bad token), or neither (transient: back off).</summary>
    private async Task<(string? Url, string? Stop)> DiscoverAsync(CancellationToken ct)
    {
        var (result, info) = await rest.GetGatewayBotAsync(ct).ConfigureAwait(false);
        if (result.Status is HttpStatusCode.Unauthorized)
        {
            return (null, "authentication failed (HTTP 401 on GET /gateway/bot): check Discord:Token");
        }

        if (info is null)
        {
            return (null, null);
        }

        if (info.SessionStartLimit is { Remaining: <= 0 } limit)
        {
            var wait = TimeSpan.FromMilliseconds(Math.Max(limit.ResetAfter, 1000));
            logger.SessionStartLimit((long)wait.TotalMilliseconds);
            status.Set(AdapterState.Reconnecting, "session start limit reached");
            await Task.Delay(wait, time, ct).ConfigureAwait(false);
            return (null, null);
        }

        return (info.Url, null);
    }

    private async Task WaitIdentifySpacingAsync(CancellationToken ct)
    {
        if (_lastIdentify is { } last)
        {
            var wait = timings.IdentifySpacing - time.GetElapsedTime(last);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task DelayAsync(TimeSpan delay, string reason, bool resume, CancellationToken ct)
    {
        logger.Reconnecting(reason, (long)delay.TotalMilliseconds, resume);
        Core.Telemetry.BotMetrics.Reconnects.Add(1,
            new KeyValuePair<string, object?>("platform", "discord"),
            new KeyValuePair<string, object?>("reason", resume ? "resume" : "identify"));
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>~1 s doubling, capped, with jitter in [50%, 100%].</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var capped = Math.Min(timings.MaxBackoff.TotalMilliseconds, timings.InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16)));
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private void Stop(string reason)
    {
        status.Set(AdapterState.Stopped, reason);
        logger.Stopped(reason);
    }

    private static Uri BuildUri(string url)
    {
        var builder = new UriBuilder(url);
        builder.Query = "v=10&encoding=json";
        return builder.Uri;
    }
}
