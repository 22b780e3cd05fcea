using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PetitionBot.Fakes.Discord;

/// <summary>The gateway side of the fake.</summary>
public sealed partial class FakeDiscordServer
{
    private readonly Lock _gate = new();
    private readonly List<FakeGatewayFrame> _frames = [];
    private readonly List<(long Seq, string Json)> _events = [];
    private readonly List<string> _connectionPaths = [];
    private readonly List<int> _clientCloseCodes = [];
    private readonly Dictionary<string, DateTimeOffset> _delivered = new(StringComparer.Ordinal);
    private FakeGatewayConnection? _current;
    private string? _sessionId;
    private long _seq;
    private int _connections;
    private long _nextId = 900_000_000_000_000_000;

    /// <summary>False turns the fake into a zombie: heartbeats are no longer acknowledged.</summary>
    public bool AckHeartbeats { get; set; } = true;

    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>The path of each accepted connection in order: "/gateway" (identify) or "/resume".</summary>
    public IReadOnlyList<string> ConnectionPaths
    {
        get
        {
            lock (_gate)
            {
                return [.. _connectionPaths];
            }
        }
    }

    /// <summary>The close codes of the close frames the bot sent, in order (a dropped connection adds nothing):
    /// 1000/1001 end the session, any other code keeps it resumable.</summary>
    public IReadOnlyList<int> ClientCloseCodes
    {
        get
        {
            lock (_gate)
            {
                return [.. _clientCloseCodes];
            }
        }
    }

    public Task WaitForClientCloseAsync(int count = 1, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => ClientCloseCodes.Count >= count, $"{count} close frames from the bot", timeout);

    public string? SessionId
    {
        get
        {
            lock (_gate)
            {
                return _sessionId;
            }
        }
    }

    /// <summary>Every payload the bot sent on any connection, in order.</summary>
    public IReadOnlyList<FakeGatewayFrame> GatewayFrames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    public int CountOp(int op) => GatewayFrames.Count(f => f.Op == op);

    /// <summary>Waits for the <paramref name="occurrence"/>-th payload with opcode <paramref name="op"/>.</summary>
    public async Task<FakeGatewayFrame> WaitForOpAsync(int op, int occurrence = 1, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => CountOp(op) >= occurrence, $"gateway op {op} #{occurrence}", timeout).ConfigureAwait(false);
        return GatewayFrames.Where(f => f.Op == op).ElementAt(occurrence - 1);
    }

    public Task WaitForConnectionsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => ConnectionCount >= count, $"{count} gateway connections", timeout);

    /// <summary>Sends an op 0 event on the live connection (or keeps it for replay on resume when none is live).</summary>
    public async Task DispatchAsync(string eventName, JsonNode data)
    {
        string json;
        FakeGatewayConnection? target;
        lock (_gate)
        {
            _seq++;
            json = new JsonObject { ["op"] = 0, ["t"] = eventName, ["s"] = _seq, ["d"] = data.DeepClone() }.ToJsonString();
            _events.Add((_seq, json));
            target = _current is { Live: true } c ? c : null;
        }

        if (target is not null)
        {
            await target.SendAsync(json, _stopping.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Delivers INTERACTION_CREATE <paramref name="times"/> times (a redelivery test uses 2); returns its id.</summary>
    public async Task<string> SendInteractionAsync(JsonObject interaction, int times = 1)
    {
        var id = interaction["id"]!.GetValue<string>();
        lock (_gate)
        {
            _delivered.TryAdd(id, DateTimeOffset.UtcNow);
        }

        _dispatchTimestamps.TryAdd(id, System.Diagnostics.Stopwatch.GetTimestamp());
        for (var i = 0; i < times; i++)
        {
            await DispatchAsync("INTERACTION_CREATE", interaction).ConfigureAwait(false);
        }

        return id;
    }

    public Task GuildCreateAsync(FakeGuild guild) =>
        DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = guild.Id, ["name"] = guild.Name, ["unavailable"] = false });

    public Task GuildDeleteAsync(string guildId, bool unavailable = false) =>
        DispatchAsync("GUILD_DELETE", unavailable ? new JsonObject { ["id"] = guildId, ["unavailable"] = true } : new JsonObject { ["id"] = guildId });

    /// <summary>Closes the current connection from the server side with <paramref name="code"/> (4000, 4004, 4009, …).</summary>
    public Task CloseConnectionAsync(int code) => Current()?.CloseAsync(code, _stopping.Token) ?? Task.CompletedTask;

    /// <summary>op 7 Reconnect.</summary>
    public Task SendReconnectAsync() => SendRawAsync(new JsonObject { ["op"] = 7, ["d"] = null });

    /// <summary>op 9 Invalid Session with d = <paramref name="resumable"/>.</summary>
    public Task SendInvalidSessionAsync(bool resumable) => SendRawAsync(new JsonObject { ["op"] = 9, ["d"] = resumable });

    /// <summary>op 1 from the server: the bot must heartbeat at once.</summary>
    public Task RequestHeartbeatAsync() => SendRawAsync(new JsonObject { ["op"] = 1, ["d"] = null });

    /// <summary>A new snowflake-like id.</summary>
    public string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    private FakeGatewayConnection? Current()
    {
        lock (_gate)
        {
            return _current;
        }
    }

    private Task SendRawAsync(JsonObject payload) => Current()?.SendAsync(payload.ToJsonString(), _stopping.Token) ?? Task.CompletedTask;

    private async Task HandleGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = new FakeGatewayConnection(socket, Interlocked.Increment(ref _connections));
        lock (_gate)
        {
            _connectionPaths.Add(context.Request.Path.Value ?? "");
            _current = connection;
        }

        try
        {
            await connection.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = Options.HeartbeatIntervalMs } }.ToJsonString(), _stopping.Token)
                .ConfigureAwait(false);
            while (await connection.ReceiveAsync(_stopping.Token).ConfigureAwait(false) is { } text)
            {
                if (JsonNode.Parse(text) is not JsonObject payload)
                {
                    continue;
                }

                var op = payload["op"]?.GetValue<int>() ?? -1;
                lock (_gate)
                {
                    _frames.Add(new FakeGatewayFrame(connection.Number, op, payload, DateTimeOffset.UtcNow));
                }

                await HandleOpAsync(connection, op, payload["d"]).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            connection.Live = false;
        }
        finally
        {
            lock (_gate)
            {
                if (connection.ClientCloseCode is { } code)
                {
                    _clientCloseCodes.Add(code);
                    if (code is 1000 or 1001 && _current == connection)
                    {
                        // Like Discord: a client closing with 1000/1001 ends its session; a Resume of it gets op 9.
                        _sessionId = null;
                    }
                }

                if (_current == connection)
                {
                    _current = null;
                }
            }
        }
    }

    private async Task HandleOpAsync(FakeGatewayConnection connection, int op, JsonNode? d)
    {
        var token = d is JsonObject obj && obj["token"] is JsonValue t ? t.GetValue<string>() : null;
        var badToken = token != Options.Token;
        switch (op)
        {
            case 1 when AckHeartbeats:
                await connection.SendAsync("""{"op":11}""", _stopping.Token).ConfigureAwait(false);
                break;
            case 2 or 6 when badToken:
                await connection.CloseAsync(4004, _stopping.Token).ConfigureAwait(false);
                break;
            case 2:
                await IdentifyAsync(connection).ConfigureAwait(false);
                break;
            case 6:
                await ResumeAsync(connection, d!["session_id"]?.GetValue<string>(), d["seq"]?.GetValue<long>() ?? 0).ConfigureAwait(false);
                break;
            default:
                break;
        }
    }

    private async Task IdentifyAsync(FakeGatewayConnection connection)
    {
        string sessionId;
        lock (_gate)
        {
            sessionId = "fake-session-" + Guid.NewGuid().ToString("N");
            _sessionId = sessionId;
            _events.Clear();
            _seq = 0;
            connection.Live = true;
        }

        var guilds = new JsonArray(Options.Guilds.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["unavailable"] = true }).ToArray());
        await DispatchAsync("READY", new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = Options.BotUserId, ["username"] = "petition-bot", ["discriminator"] = "0", ["avatar"] = null, ["bot"] = true },
            ["guilds"] = guilds,
            ["session_id"] = sessionId,
            ["resume_gateway_url"] = ResumeGatewayUrl,
            ["shard"] = new JsonArray(0, 1),
            ["application"] = new JsonObject { ["id"] = Options.ApplicationId, ["flags"] = 0 },
        }).ConfigureAwait(false);
        lock (_gate)
        {
            _readySentAt ??= DateTimeOffset.UtcNow;
        }

        foreach (var guild in Options.Guilds)
        {
            await GuildCreateAsync(guild).ConfigureAwait(false);
        }
    }

    private async Task ResumeAsync(FakeGatewayConnection connection, string? sessionId, long seq)
    {
        List<string> replay;
        lock (_gate)
        {
            if (sessionId is null || sessionId != _sessionId)
            {
                replay = [];
            }
            else
            {
                replay = _events.Where(e => e.Seq > seq).Select(e => e.Json).ToList();
                connection.Live = true;
            }
        }

        if (!connection.Live)
        {
            await connection.SendAsync("""{"op":9,"d":false}""", _stopping.Token).ConfigureAwait(false);
            return;
        }

        foreach (var json in replay)
        {
            await connection.SendAsync(json, _stopping.Token).ConfigureAwait(false);
        }

        await DispatchAsync("RESUMED", new JsonObject()).ConfigureAwait(false);
    }
}
