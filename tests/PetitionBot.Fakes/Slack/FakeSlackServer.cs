using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PetitionBot.Fakes.Slack;

/// <summary>
/// An in-process fake Slack on 127.0.0.1 (Kestrel, a free port): Socket Mode (apps.connections.open → single-use
/// ws URL, hello, envelopes, acks, disconnect reasons), the Web API under <see cref="ApiBaseUrl"/> (every call recorded),
/// response_url and file upload URLs. Teams each have a bot token. Faults: <see cref="FailNext"/>,
/// <see cref="RateLimitNext"/>, <see cref="AppTokenRevoked"/>, <see cref="ExpireTriggers"/>, and per connection
/// <see cref="FakeSlackConnection.DisconnectAsync"/> / <see cref="FakeSlackConnection.GoSilent"/>; <see cref="RedeliverAsync"/>.
/// Optional rate limits (<see cref="RateLimits"/>) and timings for load tests (<see cref="AckLatency"/>).
/// </summary>
public sealed partial class FakeSlackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _shutdown = new();
    internal readonly ConcurrentDictionary<string, FakeSlackTeam> _teams = new(StringComparer.Ordinal);
    internal readonly ConcurrentDictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _envelopes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TaskCompletionSource<FakeSlackAck>>> _pendingAcks = new(StringComparer.Ordinal);
    private readonly List<FakeSlackConnection> _connections = [];
    private readonly List<FakeSlackAck> _acks = [];
    internal readonly Lock _gate = new();
    private int _connectionIds;
    internal long _sequence;

    private readonly FakeSlackWebApi _api;

    private FakeSlackServer(WebApplication app)
    {
        _app = app;
        _api = new FakeSlackWebApi(this);
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What the client uses as Slack:ApiBaseUrl: http://127.0.0.1:port/api/</summary>
    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    /// <summary>The app-level token apps.connections.open accepts.</summary>
    public string AppToken { get; set; } = "xapp-1-A0FAKE-fake-app-token";

    /// <summary>When true apps.connections.open answers invalid_auth.</summary>
    public bool AppTokenRevoked { get; set; }

    /// <summary>When true views.open answers expired_trigger_id for every trigger.</summary>
    public bool ExpireTriggers { get; set; }

    /// <summary>How long a trigger_id stays valid (Slack: 3 s).</summary>
    public TimeSpan TriggerLifetime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a delivery waits for the ack before the returned task fails.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<FakeSlackConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    public IReadOnlyList<FakeSlackAck> Acks
    {
        get
        {
            lock (_gate)
            {
                return [.. _acks];
            }
        }
    }

    /// <summary>Start on a free loopback port.</summary>
    public static async Task<FakeSlackServer> StartAsync(CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeSlackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public FakeSlackTeam AddTeam(string teamId, string? botToken = null, string? name = null)
    {
        var team = new FakeSlackTeam(teamId, botToken ?? $"xoxb-{teamId}-fake", name ?? $"Team {teamId}");
        _teams[teamId] = team;
        return team;
    }

    public FakeSlackTeam Team(string teamId) => _teams[teamId];

    /// <summary>The connection new deliveries go to: the newest open, non-silent one that said hello.</summary>
    public FakeSlackConnection? ActiveConnection
    {
        get
        {
            lock (_gate)
            {
                return _connections.LastOrDefault(c => c.IsOpen && !c.IsSilent && c.HelloAt is not null);
            }
        }
    }

    /// <summary>Wait until <paramref name="count"/> sockets in total have said hello; returns the newest.</summary>
    public async Task<FakeSlackConnection> WaitForConnectionAsync(int count = 1, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => Connections.Count(c => c.HelloAt is not null) >= count, timeout).ConfigureAwait(false);
        return Connections.Last(c => c.HelloAt is not null);
    }

    /// <summary>Poll <paramref name="condition"/> every 10 ms until it holds; throws TimeoutException after <paramref name="timeout"/> (default 10 s).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException("The fake Slack condition did not become true in time.");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>Deliver a slash command (as Socket Mode JSON) and wait for the ack.</summary>
    public Task<FakeSlackAck> SendSlashCommandAsync(string teamId, string userId, string command, string text = "", string channelId = "C0GENERAL", string? envelopeId = null, FakeSlackConnection? via = null)
    {
        var payload = FakeSlackPayloads.SlashCommand(teamId, userId, command, text, channelId, NewResponseUrl(teamId, userId, channelId), NewTrigger(userId));
        return SendEnvelopeAsync("slash_commands", payload, envelopeId, via: via);
    }

    /// <summary>Deliver block_actions for a button (<paramref name="value"/>) or a static_select (<paramref name="selectedValue"/>).</summary>
    public Task<FakeSlackAck> SendBlockActionAsync(string teamId, string userId, string actionId, string? value = null, string? selectedValue = null, string channelId = "C0GENERAL", string? envelopeId = null,
        FakeSlackConnection? via = null)
    {
        var payload = FakeSlackPayloads.BlockAction(teamId, userId, actionId, value, selectedValue, channelId, NewResponseUrl(teamId, userId, channelId), NewTrigger(userId));
        return SendEnvelopeAsync("interactive", payload, envelopeId, via: via);
    }

    /// <summary>Deliver a block_suggestion (envelope type "interactive") and wait for its ack, whose payload carries the options.</summary>
    public Task<FakeSlackAck> SendBlockSuggestionAsync(string teamId, string userId, string actionId, string value, string callbackId = "form:1", string? envelopeId = null)
    {
        var payload = FakeSlackPayloads.BlockSuggestion(teamId, userId, actionId, actionId, value, "V" + Interlocked.Increment(ref _sequence), callbackId);
        return SendEnvelopeAsync("interactive", payload, envelopeId);
    }

    /// <summary>Deliver a view_submission of a modal with plain-text inputs (block_id = action_id = field id).</summary>
    public Task<FakeSlackAck> SendViewSubmissionAsync(string teamId, string userId, string callbackId, IReadOnlyDictionary<string, string> values, string privateMetadata = "", string? envelopeId = null,
        IReadOnlyCollection<string>? externalSelects = null, FakeSlackConnection? via = null)
    {
        var payload = FakeSlackPayloads.ViewSubmission(teamId, userId, callbackId, values, privateMetadata, "V" + Interlocked.Increment(ref _sequence), NewTrigger(userId), externalSelects);
        return SendEnvelopeAsync("interactive", payload, envelopeId, via: via);
    }

    /// <summary>Send an envelope on <paramref name="via"/> (default: <see cref="ActiveConnection"/>, waiting up to 5 s for one) and
    /// wait for its ack (<see cref="AckTimeout"/>).</summary>
    public async Task<FakeSlackAck> SendEnvelopeAsync(string type, JsonObject payload, string? envelopeId = null, int retryAttempt = 0, FakeSlackConnection? via = null)
    {
        var envelope = new JsonObject
        {
            ["envelope_id"] = envelopeId ?? Guid.NewGuid().ToString(),
            ["type"] = type,
            ["payload"] = payload,
            ["accepts_response_payload"] = type != "events_api",
        };
        if (retryAttempt > 0)
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = "timeout";
        }

        var id = envelope["envelope_id"]!.GetValue<string>();
        _envelopes[id] = envelope;
        if (via is null)
        {
            await WaitUntilAsync(() => ActiveConnection is not null, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            via = ActiveConnection!;
        }

        var tcs = new TaskCompletionSource<FakeSlackAck>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingAcks.GetOrAdd(id, _ => new ConcurrentQueue<TaskCompletionSource<FakeSlackAck>>()).Enqueue(tcs);
        var text = envelope.ToJsonString();
        NoteDispatch(id);
        try
        {
            await via.SendAsync(text).ConfigureAwait(false);
            return await tcs.Task.WaitAsync(AckTimeout).ConfigureAwait(false);
        }
        catch
        {
            // This delivery is over (its socket is gone or no ack came): a later ack of the same id is for a redelivery.
            tcs.TrySetCanceled();
            throw;
        }
    }

    /// <summary>Send an envelope again with the same envelope_id and retry_attempt + 1 (retry_reason "timeout").</summary>
    public Task<FakeSlackAck> RedeliverAsync(string envelopeId, FakeSlackConnection? via = null)
    {
        var original = _envelopes[envelopeId];
        var attempt = (original["retry_attempt"]?.GetValue<int>() ?? 0) + 1;
        var payload = original["payload"]!.DeepClone().AsObject();
        return SendEnvelopeAsync(original["type"]!.GetValue<string>(), payload, envelopeId, attempt, via);
    }

    internal void OnClientMessage(FakeSlackConnection connection, string text)
    {
        var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
        JsonObject? message;
        try
        {
            message = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return;
        }

        if (message?["envelope_id"]?.GetValue<string>() is not { } id)
        {
            return;
        }

        NoteAck(id, arrived);
        var ack = new FakeSlackAck(id, message["payload"] as JsonObject, connection.Id, DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _acks.Add(ack);
        }

        if (_pendingAcks.TryGetValue(id, out var queue))
        {
            while (queue.TryDequeue(out var tcs) && !tcs.TrySetResult(ack))
            {
                // A delivery that already gave up; the ack belongs to the next one.
            }
        }
    }

    private async Task AcceptSocketAsync(HttpContext ctx)
    {
        var ticket = ctx.Request.Query["ticket"].ToString();
        var upgrade = ctx.Features.Get<IHttpUpgradeFeature>();
        if (!_tickets.TryRemove(ticket, out _) || upgrade is null || !upgrade.IsUpgradableRequest)
        {
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var key = ctx.Request.Headers["Sec-WebSocket-Key"].ToString();
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        ctx.Response.Headers.Connection = "Upgrade";
        ctx.Response.Headers.Upgrade = "websocket";
        ctx.Response.Headers["Sec-WebSocket-Accept"] = accept;
        var stream = await upgrade.UpgradeAsync().ConfigureAwait(false);
        var gate = new GateStream(stream);
        using var socket = WebSocket.CreateFromStream(gate, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        var connection = new FakeSlackConnection(Interlocked.Increment(ref _connectionIds), socket, gate, this);
        int open;
        lock (_gate)
        {
            _connections.Add(connection);
            open = _connections.Count(c => c.IsOpen);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token, ctx.RequestAborted);
        await connection.RunAsync(open, linked.Token).ConfigureAwait(false);
    }

    private Uri NewResponseUrl(string teamId, string userId, string channelId)
    {
        var id = Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _responseUrls[id] = (teamId, userId, channelId);
        return new Uri(BaseUrl, $"response/{id}");
    }

    private string NewTrigger(string userId)
    {
        var trigger = $"{Interlocked.Increment(ref _sequence)}.{Random.Shared.Next(100000, 999999)}.{Guid.NewGuid():N}";
        _triggers[trigger] = DateTimeOffset.UtcNow;
        _triggerUsers[trigger] = userId;
        return trigger;
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        foreach (var c in Connections)
        {
            await c.CloseAsync().ConfigureAwait(false);
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _shutdown.Dispose();
    }
}
