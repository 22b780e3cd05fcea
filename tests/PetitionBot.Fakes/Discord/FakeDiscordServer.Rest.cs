using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PetitionBot.Fakes.Discord;

/// <summary>The REST side of the fake.</summary>
public sealed partial class FakeDiscordServer
{
    private readonly List<FakeRestRequest> _requests = [];
    private readonly List<FakeRestFault> _faults = [];
    private readonly Dictionary<string, int> _posted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _channelWindows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nonces = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forbidden = new(StringComparer.Ordinal);
    private readonly HashSet<string> _gone = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ackedTokens = new(StringComparer.Ordinal);
    private readonly List<(string Method, string PathPrefix, TimeSpan Delay, int Times)> _slow = [];
    private int _violations;

    /// <summary>The next <paramref name="times"/> requests matching method and path prefix are answered only after <paramref name="delay"/>.</summary>
    public void SlowNext(string method, string pathPrefix, TimeSpan delay, int times = 1)
    {
        lock (_gate)
        {
            _slow.Add((method, pathPrefix.TrimStart('/'), delay, times));
        }
    }

    /// <summary>Every REST request, in order of arrival.</summary>
    public IReadOnlyList<FakeRestRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Raised after each REST request is recorded, with its <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> of
    /// arrival (load drivers wait for a deferred interaction's webhook edit without scanning <see cref="Requests"/>).</summary>
    public event Action<FakeRestRequest, long>? RequestRecorded;

    /// <summary>An interaction delivered to the bot's HTTP endpoint (not through this fake's gateway) was answered inline:
    /// its webhook (edits, follow-ups) is open from now on, as Discord opens it after a callback.</summary>
    public void AcknowledgedInline(string interactionId, string token)
    {
        lock (_gate)
        {
            _acknowledged.Add(interactionId);
            _ackedTokens.Add(token);
        }
    }

    /// <summary>Requests that went past a rate limit (429 from the per-channel limiter, not injected faults).</summary>
    public int RateLimitViolations => Volatile.Read(ref _violations);

    /// <summary>Messages created in a channel (a repeated nonce with enforce_nonce is not counted again).</summary>
    public int MessagesPosted(string channelId)
    {
        lock (_gate)
        {
            return _posted.GetValueOrDefault(channelId);
        }
    }

    /// <summary>The interaction callbacks (POST /interactions/{id}/…/callback) received for one interaction.</summary>
    public IReadOnlyList<FakeRestRequest> CallbacksFor(string interactionId) =>
        Requests.Where(r => r.Method == "POST" && r.Path.StartsWith($"interactions/{interactionId}/", StringComparison.Ordinal)).ToList();

    public async Task<FakeRestRequest> WaitForRequestAsync(Func<FakeRestRequest, bool> predicate, TimeSpan? timeout = null)
    {
        await WaitUntilAsync(() => Requests.Any(predicate), "a matching REST request", timeout).ConfigureAwait(false);
        return Requests.First(predicate);
    }

    /// <summary>Runs after a channel message was created and recorded, before its 200 response is written (argument: the
    /// request path). A test holds the response here to crash the bot between Discord accepting a post and the bot
    /// learning of it.</summary>
    public Func<string, Task>? BeforeMessageResponse { get; set; }

    /// <summary>Posting in this channel answers 403 / 50013.</summary>
    public void ForbidChannel(string channelId)
    {
        lock (_gate)
        {
            _forbidden.Add(channelId);
        }
    }

    /// <summary>Posting in this channel answers 404 / 10003.</summary>
    public void RemoveChannel(string channelId)
    {
        lock (_gate)
        {
            _gone.Add(channelId);
        }
    }

    private async Task HandleRestAsync(HttpContext context, string path)
    {
        var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        var body = buffer.ToArray();
        var parts = await ReadPartsAsync(request, body).ConfigureAwait(false);
        TimeSpan? delay = null;
        lock (_gate)
        {
            var index = _slow.FindIndex(f => f.Times > 0 && string.Equals(f.Method, request.Method, StringComparison.OrdinalIgnoreCase) &&
                path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
            if (index >= 0)
            {
                delay = _slow[index].Delay;
                _slow[index] = _slow[index] with { Times = _slow[index].Times - 1 };
            }
        }

        if (delay is { } wait)
        {
            await Task.Delay(wait, context.RequestAborted).ConfigureAwait(false);
        }

        var response = Respond(request.Method, path, request.Headers.Authorization.ToString(), body, parts);
        var recorded = new FakeRestRequest(request.Method, path, request.Headers.Authorization.ToString(), request.Headers.UserAgent.ToString(),
            request.ContentType, Encoding.UTF8.GetString(body), parts, response.Status, DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _requests.Add(recorded);
        }

        NoteTimings(request.Method, path, arrived, response.Status, recorded);
        RequestRecorded?.Invoke(recorded, arrived);
        if (response.Status == 200 && request.Method == "POST" && path.StartsWith("channels/", StringComparison.Ordinal) && BeforeMessageResponse is { } hold)
        {
            await hold(path).ConfigureAwait(false);
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body.ToJsonString()).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<FakeMultipartPart>> ReadPartsAsync(HttpRequest request, byte[] body)
    {
        if (!request.HasFormContentType)
        {
            return [];
        }

        request.Body = new MemoryStream(body);
        var form = await request.ReadFormAsync().ConfigureAwait(false);
        var parts = form.Select(f => new FakeMultipartPart(f.Key, null, null, Encoding.UTF8.GetBytes(f.Value.ToString()))).ToList();
        foreach (var file in form.Files)
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content).ConfigureAwait(false);
            parts.Add(new FakeMultipartPart(file.Name, file.FileName, file.ContentType, content.ToArray()));
        }

        return parts;
    }

    private FakeRestResponse Respond(string method, string path, string authorization, byte[] body, IReadOnlyList<FakeMultipartPart> parts)
    {
        lock (_gate)
        {
            if (TakeFault(method, path) is { } fault)
            {
                return FaultResponse(fault);
            }
        }

        var segments = path.Split('/');
        var isInteraction = segments[0] is "interactions" or "webhooks";
        if (!isInteraction && authorization != "Bot " + Options.Token)
        {
            return FakeRestResponse.Error(401, 0, "401: Unauthorized");
        }

        if (!isInteraction && GlobalLimitExceeded() is { } globalWait)
        {
            Interlocked.Increment(ref _violations);
            return FaultResponse(new FakeRestFault(method, path, 429, null, globalWait, Global: true));
        }

        return (method, segments) switch
        {
            ("GET", ["gateway", "bot"]) => new FakeRestResponse(200, new JsonObject
            {
                ["url"] = GatewayUrl,
                ["shards"] = 1,
                ["session_start_limit"] = new JsonObject
                {
                    ["total"] = 1000, ["remaining"] = Options.SessionStartRemaining, ["reset_after"] = 1000, ["max_concurrency"] = 1,
                },
            }),
            ("PUT", ["applications", _, "commands"]) or ("PUT", ["applications", _, "guilds", _, "commands"]) =>
                new FakeRestResponse(200, JsonNode.Parse(body) ?? new JsonArray()),
            ("POST", ["interactions", var id, _, "callback"]) => Callback(id, segments[2]),
            ("PATCH", ["webhooks", _, var token, "messages", "@original"]) => Webhook(token),
            ("POST", ["webhooks", _, var token]) => Webhook(token),
            ("POST", ["channels", var channel, "messages"]) => CreateMessage(channel, parts.Count > 0 ? null : body),
            ("POST", ["users", "@me", "channels"]) => CreateDirectMessageChannel(body),
            _ => FakeRestResponse.Error(404, 0, "404: Not Found"),
        };
    }

    private FakeRestResponse Callback(string interactionId, string token)
    {
        lock (_gate)
        {
            if (!_delivered.TryGetValue(interactionId, out var deliveredAt) ||
                (Options.InteractionDeadline is { } deadline && DateTimeOffset.UtcNow - deliveredAt > deadline))
            {
                return FakeRestResponse.Error(404, 10062, "Unknown interaction");
            }

            if (!_acknowledged.Add(interactionId))
            {
                return FakeRestResponse.Error(400, 40060, "Interaction has already been acknowledged.");
            }

            _ackedTokens.Add(token);
            return new FakeRestResponse(204, null);
        }
    }

    private FakeRestResponse Webhook(string token)
    {
        lock (_gate)
        {
            return _ackedTokens.Contains(token)
                ? new FakeRestResponse(200, new JsonObject { ["id"] = NextId(), ["type"] = 0 })
                : FakeRestResponse.Error(404, 10015, "Unknown Webhook");
        }
    }

    private FakeRestResponse CreateMessage(string channelId, byte[]? body)
    {
        var json = body is null ? null : JsonNode.Parse(body);
        lock (_gate)
        {
            if (_gone.Contains(channelId))
            {
                return FakeRestResponse.Error(404, 10003, "Unknown Channel");
            }

            if (_forbidden.Contains(channelId))
            {
                return FakeRestResponse.Error(403, 50013, "Missing Permissions");
            }

            if (DirectMessageBlocked(channelId))
            {
                return FakeRestResponse.Error(403, 50007, "Cannot send messages to this user");
            }

            var now = DateTimeOffset.UtcNow;
            var window = _channelWindows.TryGetValue(channelId, out var w) ? w : _channelWindows[channelId] = new Queue<DateTimeOffset>();
            while (window.Count > 0 && now - window.Peek() >= Options.ChannelMessageWindow)
            {
                window.Dequeue();
            }

            if (window.Count >= Options.ChannelMessageLimit)
            {
                Interlocked.Increment(ref _violations);
                var wait = window.Peek() + Options.ChannelMessageWindow - now;
                return FaultResponse(new FakeRestFault("POST", "channels", 429, null, wait));
            }

            var nonce = json?["nonce"]?.ToString();
            var enforce = json?["enforce_nonce"]?.GetValue<bool>() == true;
            var duplicate = nonce is not null && enforce && !_nonces.Add(channelId + "|" + nonce);
            if (!duplicate)
            {
                window.Enqueue(now);
                _posted[channelId] = _posted.GetValueOrDefault(channelId) + 1;
            }

            var resetAfter = window.Count > 0 ? window.Peek() + Options.ChannelMessageWindow - now : TimeSpan.Zero;
            var response = new FakeRestResponse(200, new JsonObject { ["id"] = NextId(), ["channel_id"] = channelId, ["type"] = 0, ["nonce"] = nonce });
            response.Headers["X-RateLimit-Limit"] = Options.ChannelMessageLimit.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Remaining"] = (Options.ChannelMessageLimit - window.Count).ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Reset-After"] = resetAfter.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Bucket"] = "fake-channel-messages";
            return response;
        }
    }
}
