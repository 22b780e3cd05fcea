using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Ports;

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
    ILogger logger)
{
    public const int Intents = 1;
    private const int ResumableCloseCode = 4000;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewaySendLimiter _limiter = new(time);
    private volatile bool _acked = true;
    private volatile bool _zombie;

    /// <summary>True once READY or RESUMED arrived on this connection.</summary>
    public bool Established { get; private set; }

    public async Task<SessionOutcome> RunAsync(bool resume, CancellationToken ct = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task? heartbeat = null;
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

                if (_zombie)
                {
                    return new SessionOutcome(SessionNext.Resume, "zombie connection");
                }

                if (frame.IsClose)
                {
                    return ForClose(frame.CloseCode);
                }

                var outcome = await HandleAsync(frame.Text!, resume, cts, h => heartbeat = h).ConfigureAwait(false);
                if (outcome is not null)
                {
                    return outcome;
                }
            }
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            if (heartbeat is not null)
            {
                await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<SessionOutcome?> HandleAsync(string text, bool resume, CancellationTokenSource cts, Action<Task> startedHeartbeat)
    {
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        var op = root.GetProperty("op").GetInt32();
        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
        {
            session.Sequence = s.GetInt64();
        }

        var d = root.TryGetProperty("d", out var data) ? data : default;
        switch (op)
        {
            case 10:
                _acked = true;
                var interval = TimeSpan.FromMilliseconds(d.GetProperty("heartbeat_interval").GetDouble());
                startedHeartbeat(HeartbeatLoopAsync(interval, cts));
                await SendAsync(resume ? ResumePayload() : IdentifyPayload(), false, cts.Token).ConfigureAwait(false);
                return null;
            case 11:
                _acked = true;
                return null;
            case 1:
                await SendAsync(HeartbeatPayload(), true, cts.Token).ConfigureAwait(false);
                return null;
            case 7:
                await transport.CloseAsync(ResumableCloseCode, cts.Token).ConfigureAwait(false);
                return new SessionOutcome(SessionNext.Resume, "reconnect requested (op 7)", TimeSpan.Zero);
            case 9:
                await transport.CloseAsync(ResumableCloseCode, cts.Token).ConfigureAwait(false);
                if (d.ValueKind == JsonValueKind.True)
                {
                    return new SessionOutcome(SessionNext.Resume, "invalid session, resumable (op 9)", TimeSpan.Zero);
                }

                session.Clear();
                var spread = timings.InvalidSessionDelayMax - timings.InvalidSessionDelayMin;
                return new SessionOutcome(SessionNext.Identify, "invalid session (op 9)", timings.InvalidSessionDelayMin + spread * Random.Shared.NextDouble());
            case 0:
                await DispatchAsync(root.GetProperty("t").GetString() ?? "", d, cts.Token).ConfigureAwait(false);
                return null;
            default:
                return null;
        }
    }

    private async Task DispatchAsync(string name, JsonElement d, CancellationToken ct)
    {
        if (name == "READY")
        {
            session.SessionId = d.GetProperty("session_id").GetString();
            session.ResumeUrl = d.GetProperty("resume_gateway_url").GetString();
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

        await events.WriteAsync(new GatewayDispatch(name, d.Clone(), time.GetTimestamp()), ct).ConfigureAwait(false);
    }

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
                await SendAsync(HeartbeatPayload(), true, ct).ConfigureAwait(false);
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

    private async Task SendAsync(JsonObject payload, bool heartbeat, CancellationToken ct)
    {
        await _limiter.WaitAsync(heartbeat, ct).ConfigureAwait(false);
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await transport.SendAsync(payload.ToJsonString(), ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private JsonObject HeartbeatPayload() => new() { ["op"] = 1, ["d"] = session.Sequence };

    private JsonObject IdentifyPayload() => new()
    {
        ["op"] = 2,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = Intents,
            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "petitionbot", ["device"] = "petitionbot" },
        },
    };

    private JsonObject ResumePayload() => new()
    {
        ["op"] = 6,
        ["d"] = new JsonObject { ["token"] = token, ["session_id"] = session.SessionId, ["seq"] = session.Sequence },
    };

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
