using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PetitionBot.Fakes.Slack;

/// <summary>Recorded traffic, faults and HTTP routing of the fake (the Web API methods live in <see cref="FakeSlackWebApi"/>).</summary>
public sealed partial class FakeSlackServer
{
    internal readonly ConcurrentDictionary<string, (string Team, string User, string Channel)> _responseUrls = new(StringComparer.Ordinal);
    internal readonly ConcurrentDictionary<string, DateTimeOffset> _triggers = new(StringComparer.Ordinal);

    /// <summary>Who each trigger_id was issued to, so views.open records the user the modal opened for.</summary>
    internal readonly ConcurrentDictionary<string, string> _triggerUsers = new(StringComparer.Ordinal);
    internal readonly ConcurrentDictionary<string, ConcurrentQueue<(string? Error, int RetryAfter)>> _faults = new(StringComparer.Ordinal);
    internal readonly ConcurrentDictionary<string, (string Team, string Name, byte[]? Content)> _uploads = new(StringComparer.Ordinal);
    internal readonly ConcurrentDictionary<string, (string Team, string Token, string? Name)> _oauthCodes = new(StringComparer.Ordinal);
    internal readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _statusFaults = new(StringComparer.Ordinal);
    internal readonly ConcurrentDictionary<string, ConcurrentQueue<TimeSpan>> _slow = new(StringComparer.Ordinal);
    internal readonly List<FakeSlackApiCall> _calls = [];

    /// <summary>A queued entry (status or Retry-After) that lets one call through: how a storm armed by call count waits.</summary>
    internal const int PassMarker = -1;
    internal readonly List<FakeSlackMessage> _messages = [];
    internal readonly List<FakeSlackFile> _files = [];
    internal readonly List<FakeSlackView> _views = [];

    /// <summary>client_id/client_secret oauth.v2.access expects.</summary>
    public string ClientId { get; set; } = "1111.2222";

    public string ClientSecret { get; set; } = "fake-client-secret";

    public IReadOnlyList<FakeSlackApiCall> Calls => Snapshot(_calls);

    public IReadOnlyList<FakeSlackMessage> Messages => Snapshot(_messages);

    public IReadOnlyList<FakeSlackFile> Files => Snapshot(_files);

    public IReadOnlyList<FakeSlackView> Views => Snapshot(_views);

    public IReadOnlyList<FakeSlackApiCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>chat.postMessage calls that succeeded in (team, channel).</summary>
    public int MessagesPosted(string teamId, string channelId) =>
        Messages.Count(m => m.Kind == FakeSlackMessage.Posted && m.TeamId == teamId && m.ChannelId == channelId);

    /// <summary>What one person saw privately: ephemerals, response_url posts, and DMs.</summary>
    public IReadOnlyList<FakeSlackMessage> MessagesFor(string teamId, string userId) =>
        [.. Messages.Where(m => m.TeamId == teamId && m.UserId == userId)];

    public IReadOnlyList<FakeSlackMessage> DirectMessages(string teamId, string userId) =>
        [.. Messages.Where(m => m.Kind == FakeSlackMessage.Posted && m.TeamId == teamId && m.ChannelId == DmChannel(userId))];

    public IReadOnlyList<FakeSlackFile> FilesFor(string teamId, string userId) => [.. Files.Where(f => f.TeamId == teamId && f.UserId == userId)];

    /// <summary>The id of the DM channel between the bot and a user.</summary>
    public static string DmChannel(string userId) => "D" + userId;

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer {ok:false, error}.</summary>
    public void FailNext(string method, string error, int times = 1) => AddFault(method, (error, 0), times);

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer HTTP 429 with Retry-After. With
    /// <paramref name="after"/> the storm is armed by call count, not by time: that many calls of the method that reach
    /// this kind of answer (behind any earlier one still queued) go through untouched first.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds, int times = 1, int after = 0)
    {
        AddFault(method, (null, PassMarker), after);
        AddFault(method, (null, retryAfterSeconds), times);
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer HTTP <paramref name="status"/> (5xx)
    /// with no Slack envelope; <paramref name="after"/> as in <see cref="RateLimitNext"/>.</summary>
    public void ServerErrorNext(string method, int status = 503, int times = 1, int after = 0)
    {
        var queue = _statusFaults.GetOrAdd(method, _ => new ConcurrentQueue<int>());
        for (var i = 0; i < after; i++)
        {
            queue.Enqueue(PassMarker);
        }

        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(status);
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> are answered only after <paramref name="delay"/>.</summary>
    public void SlowNext(string method, TimeSpan delay, int times = 1)
    {
        var queue = _slow.GetOrAdd(method, _ => new ConcurrentQueue<TimeSpan>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(delay);
        }
    }

    /// <summary>An install code oauth.v2.access exchanges for a team's bot token.</summary>
    public void RegisterOAuthCode(string code, string teamId, string accessToken, string? teamName = null) => _oauthCodes[code] = (teamId, accessToken, teamName);

    /// <summary>Wait for a message matching <paramref name="predicate"/>.</summary>
    public async Task<FakeSlackMessage> WaitForMessageAsync(Func<FakeSlackMessage, bool> predicate, TimeSpan? timeout = null)
    {
        FakeSlackMessage? found = null;
        await WaitUntilAsync(() => (found = Messages.FirstOrDefault(predicate)) is not null, timeout).ConfigureAwait(false);
        return found!;
    }

    /// <summary>Wait for a Web API call matching <paramref name="predicate"/>.</summary>
    public async Task<FakeSlackApiCall> WaitForCallAsync(string method, Func<FakeSlackApiCall, bool>? predicate = null, TimeSpan? timeout = null)
    {
        FakeSlackApiCall? found = null;
        await WaitUntilAsync(() => (found = CallsTo(method).FirstOrDefault(c => predicate?.Invoke(c) ?? true)) is not null, timeout).ConfigureAwait(false);
        return found!;
    }

    /// <summary>Injected answers (errors, 429s, 5xx, slow responses) still waiting for a call of <paramref name="method"/>,
    /// counting the calls a storm armed by count still lets through first.</summary>
    public int PendingFaults(string method) =>
        (_faults.TryGetValue(method, out var faults) ? faults.Count : 0)
        + (_statusFaults.TryGetValue(method, out var statuses) ? statuses.Count : 0)
        + (_slow.TryGetValue(method, out var slow) ? slow.Count : 0);

    /// <summary>Drops every injected answer that has not been served yet (the storm is over).</summary>
    public void ClearFaults()
    {
        _faults.Clear();
        _statusFaults.Clear();
        _slow.Clear();
    }

    private void AddFault(string method, (string? Error, int RetryAfter) fault, int times)
    {
        var queue = _faults.GetOrAdd(method, _ => new ConcurrentQueue<(string?, int)>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }

    internal void Add<T>(List<T> list, T item)
    {
        lock (_gate)
        {
            list.Add(item);
        }

        Notify(item);
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? string.Empty;
        if (path.StartsWith("/link", StringComparison.Ordinal))
        {
            await AcceptSocketAsync(ctx).ConfigureAwait(false);
            return;
        }

        if (path.StartsWith("/upload/", StringComparison.Ordinal))
        {
            using var bytes = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(bytes, ctx.RequestAborted).ConfigureAwait(false);
            var id = path["/upload/".Length..];
            if (!_uploads.TryGetValue(id, out var u))
            {
                ctx.Response.StatusCode = 404;
                return;
            }

            _uploads[id] = (u.Team, u.Name, bytes.ToArray());
            await ctx.Response.WriteAsync("OK - " + bytes.Length.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return;
        }

        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync(ctx.RequestAborted).ConfigureAwait(false);
        if (path.StartsWith("/response/", StringComparison.Ordinal))
        {
            _api.OnResponseUrl(path["/response/".Length..], body);
            await ctx.Response.WriteAsync("ok").ConfigureAwait(false);
            return;
        }

        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 404;
            return;
        }

        await _api.HandleApiAsync(ctx, path["/api/".Length..], body).ConfigureAwait(false);
    }

}
