using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PetitionBot.Discord.Api;

namespace PetitionBot.Discord.Gateway;

/// <summary>One gateway connection: Hello, heartbeats with the zombie watchdog, Identify or Resume, and the read loop,
/// which only parses and enqueues dispatches for the workers.</summary>
internal sealed class GatewayConnection(
    IGatewayTransport transport,
    GatewaySession session,
    ChannelWriter<GatewayDispatch> events,
    DiscordAdapterStatus status,
    string token,
    TimeProvider time,
    GatewayTimings timings,
    ILogger logger,
    ShutdownIntent? shutdown = null)
{
    public const int Intents = 1;
    private const int ResumableCloseCode = 4000;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewaySendLimiter _limiter = new(time);
    private volatile bool _acked = true;
    private volatile bool _zombie;
    private volatile bool _closing;

    /// <summary>True once READY or RESUMED arrived on this connection.</summary>
    public bool Established { get; private set; }

    /// <summary>Runs until the connection ends. When <paramref name="ct"/> (the host stopping) fires, it takes no further
    /// events, sends a close frame (1000, or 4000 on a restart so the session stays resumable), waits briefly for
    /// Discord's answer and throws <see cref="OperationCanceledException"/>.</summary>
    public async Task<SessionOutcome> RunAsync(bool resume, CancellationToken ct = default)
    {
        // Not linked to ct: cancelling a pending receive aborts a ClientWebSocket, and the close frame would never go out.
        using var cts = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        Task? heartbeat = null;
        Task? closing = null;
        using var onStop = ct.Register(() => closing = CloseForStopAsync(cts));
        using var dispatching = CancellationTokenSource.CreateLinkedTokenSource(cts.Token, ct);
        try
        {
            while (true)
            {
                GatewayFrame frame;
                try
                {
                    frame = await transport.ReceiveAsync(cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_zombie && !ct.IsCancellationRequested)
                {
                    return new SessionOutcome(SessionNext.Resume, "zombie connection");
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw new OperationCanceledException(ct);
                }

                if (ct.IsCancellationRequested)
                {
                    // Stopping: whatever Discord sends before it answers the close is left for the next session to replay.
                    if (frame.IsClose)
                    {
                        throw new OperationCanceledException(ct);
                    }

                    continue;
                }

                if (_zombie)
                {
                    return new SessionOutcome(SessionNext.Resume, "zombie connection");
                }

                if (frame.IsClose)
                {
                    return ForClose(frame.CloseCode);
                }

                var outcome = await HandleAsync(frame.Text!, resume, cts, h => heartbeat = h, dispatching.Token).ConfigureAwait(false);
                if (outcome is not null)
                {
                    return outcome;
                }
            }
        }
        finally
        {
            await onStop.DisposeAsync().ConfigureAwait(false);
            if (closing is not null)
            {
                await closing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await cts.CancelAsync().ConfigureAwait(false);
            if (heartbeat is not null)
            {
                await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Sends the close frame for a stop; the read loop then ends on Discord's answer, or after
    /// <see cref="GatewayTimings.CloseWait"/> when none comes.</summary>
    private async Task CloseForStopAsync(CancellationTokenSource receive)
    {
        _closing = true;
        var code = GatewayCloseCodes.ForStop(shutdown?.IsRestart == true);
        using var timeout = new CancellationTokenSource(timings.CloseWait, time);
        try
        {
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await transport.CloseAsync(code, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            logger.GatewayError(ex.GetType().Name);
        }
        finally
        {
            receive.CancelAfter(timings.CloseWait);
        }
    }

    private async Task<SessionOutcome?> HandleAsync(string text, bool resume, CancellationTokenSource cts, Action<Task> startedHeartbeat, CancellationToken dispatching)
    {
        var header = JsonSerializer.Deserialize(text, DiscordJsonContext.Default.GatewayHeader) ?? throw new JsonException("gateway payload is null");
        var seq = header.S;
        if (seq is not null && header.Op != GatewayOpcode.Dispatch)
        {
            session.Sequence = seq;
        }

        switch (header.Op)
        {
            case GatewayOpcode.Hello:
                _acked = true;
                var hello = Data(text, DiscordJsonContext.Default.HelloEvent);
                // Identify (or Resume) first, then the heartbeats: a first heartbeat whose jitter is under a millisecond
                // is due at once, and would otherwise go out before the Identify.
                await SendAsync(resume ? ResumeCommand() : IdentifyCommand(), false, cts.Token).ConfigureAwait(false);
                startedHeartbeat(HeartbeatLoopAsync(TimeSpan.FromMilliseconds(hello.HeartbeatInterval), cts));
                return null;
            case GatewayOpcode.HeartbeatAck:
                _acked = true;
                return null;
            case GatewayOpcode.Heartbeat:
                await SendAsync(HeartbeatCommand(), true, cts.Token).ConfigureAwait(false);
                return null;
            case GatewayOpcode.Reconnect:
                await transport.CloseAsync(ResumableCloseCode, cts.Token).ConfigureAwait(false);
                return new SessionOutcome(SessionNext.Resume, "reconnect requested (op 7)", TimeSpan.Zero);
            case GatewayOpcode.InvalidSession:
                await transport.CloseAsync(ResumableCloseCode, cts.Token).ConfigureAwait(false);
                if (JsonSerializer.Deserialize(text, DiscordJsonContext.Default.InvalidSessionEvent)?.D == true)
                {
                    return new SessionOutcome(SessionNext.Resume, "invalid session, resumable (op 9)", TimeSpan.Zero);
                }

                session.Clear();
                var spread = timings.InvalidSessionDelayMax - timings.InvalidSessionDelayMin;
                return new SessionOutcome(SessionNext.Identify, "invalid session (op 9)", timings.InvalidSessionDelayMin + spread * Random.Shared.NextDouble());
            case GatewayOpcode.Dispatch:
                // An event that could not be queued (the host stopped meanwhile) does not count: a later Resume replays it.
                var previous = session.Sequence;
                session.Sequence = seq ?? previous;
                try
                {
                    await DispatchAsync(header.T ?? "", text, dispatching).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    session.Sequence = previous;
                    throw;
                }

                return null;
            default:
                return null;
        }
    }

    private async Task DispatchAsync(string name, string text, CancellationToken ct)
    {
        if (name == "READY")
        {
            var ready = Data(text, DiscordJsonContext.Default.ReadyEvent);
            session.SessionId = ready.SessionId;
            session.ResumeUrl = ready.ResumeGatewayUrl;
            Established = true;
            status.Set(AdapterState.Connected);
            logger.Ready();
        }
        else if (name == "RESUMED")
        {
            Established = true;
            status.Set(AdapterState.Connected);
            logger.Resumed();
        }

        await events.WriteAsync(new GatewayDispatch(name, text, time.GetTimestamp()), ct).ConfigureAwait(false);
    }

    /// <summary>The <c>d</c> of a payload that must have one (Hello, READY); a missing one ends the connection like
    /// any malformed payload.</summary>
    private static TData Data<TData>(string text, JsonTypeInfo<GatewayPayload<TData>> type)
        where TData : class =>
        JsonSerializer.Deserialize(text, type)?.D ?? throw new JsonException("gateway payload without d");

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationTokenSource cts)
    {
        var ct = cts.Token;
        try
        {
            await Task.Delay(interval * Random.Shared.NextDouble(), time, ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                if (!_acked)
                {
                    _zombie = true;
                    logger.Zombie();
                    await cts.CancelAsync().ConfigureAwait(false);
                    return;
                }

                _acked = false;
                await SendAsync(HeartbeatCommand(), true, ct).ConfigureAwait(false);
                await Task.Delay(interval, time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (WebSocketException ex)
        {
            logger.GatewayError(ex.GetType().Name);
            await cts.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task SendAsync(string payload, bool heartbeat, CancellationToken ct)
    {
        await _limiter.WaitAsync(heartbeat, ct).ConfigureAwait(false);
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_closing)
            {
                return;
            }

            await transport.SendAsync(payload, ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private string HeartbeatCommand() =>
        JsonSerializer.Serialize(new GatewayPayload<long?>(GatewayOpcode.Heartbeat, session.Sequence), DiscordJsonContext.Default.HeartbeatCommand);

    private string IdentifyCommand() => JsonSerializer.Serialize(
        new GatewayPayload<IdentifyPayload>(GatewayOpcode.Identify, new IdentifyPayload(token, Intents, IdentifyPropertiesPayload.PetitionBot)),
        DiscordJsonContext.Default.IdentifyCommand);

    private string ResumeCommand() => JsonSerializer.Serialize(
        new GatewayPayload<ResumePayload>(GatewayOpcode.Resume, new ResumePayload(token, session.SessionId, session.Sequence)),
        DiscordJsonContext.Default.ResumeCommand);

    private static SessionOutcome ForClose(int? code)
    {
        if (GatewayCloseCodes.IsFatal(code))
        {
            return new SessionOutcome(SessionNext.Stop, GatewayCloseCodes.Describe(code));
        }

        return GatewayCloseCodes.RequiresNewSession(code)
            ? new SessionOutcome(SessionNext.Identify, GatewayCloseCodes.Describe(code))
            : new SessionOutcome(SessionNext.Resume, GatewayCloseCodes.Describe(code));
    }
}
