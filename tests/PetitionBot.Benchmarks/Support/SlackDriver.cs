using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using PetitionBot.Fakes.Slack;

namespace PetitionBot.Benchmarks.Support;

/// <summary>The fake Slack on loopback with <c>teams</c> workspaces, and complete sign flows driven through it the way a
/// person in Slack would: /sign → eligibility button → modal submit → "Sign with my name". Ack latency = the fake writes
/// the envelope to the socket → the bot's Socket Mode ack arrives (<see cref="FakeSlackServer.AckLatency"/>).</summary>
internal sealed class SlackDriver : IAsyncDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, Channel<object>> _inboxes = new(StringComparer.Ordinal);
    private long _nextUser;

    private readonly List<long> _announcements = [];

    private SlackDriver(FakeSlackServer fake)
    {
        Fake = fake;
        fake.MessageRecorded += m =>
        {
            if (m.Kind == FakeSlackMessage.Posted && m.ChannelId?.StartsWith(AnnouncementPrefix, StringComparison.Ordinal) == true)
            {
                lock (_announcements)
                {
                    _announcements.Add(System.Diagnostics.Stopwatch.GetTimestamp());
                }
            }

            Deliver(m.TeamId, m.UserId, m);
        };
        fake.ViewRecorded += v => Deliver(v.TeamId, v.UserId, v);
    }

    public FakeSlackServer Fake { get; }

    public static string TeamId(int i) => "T0BENCH" + i.ToString("D3", CultureInfo.InvariantCulture);

    private const string AnnouncementPrefix = "C0ANN";

    public static string ChannelId(int i) => AnnouncementPrefix + i.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary><see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> of each chat.postMessage the fake accepted in an
    /// announcement channel (<see cref="ChannelId"/>), in order.</summary>
    public IReadOnlyList<long> AnnouncementTimestamps
    {
        get
        {
            lock (_announcements)
            {
                return [.. _announcements];
            }
        }
    }

    /// <summary>Starts the fake with <paramref name="teams"/> workspaces, enforcing Slack's published limits.</summary>
    public static async Task<SlackDriver> StartAsync(int teams)
    {
        var fake = await FakeSlackServer.StartAsync();
        fake.RateLimits = FakeSlackRateLimits.Published;
        fake.AckTimeout = StepTimeout;
        for (var i = 0; i < teams; i++)
        {
            fake.AddTeam(TeamId(i), name: "Bench workspace " + i);
        }

        return new SlackDriver(fake);
    }

    /// <summary>The bot's Slack settings: Socket Mode with the app token; workspace 0's token as Slack:BotToken (the adapter
    /// needs one to start) and every workspace an installation (seeded with <see cref="BenchSeed.InstallAsync"/>).
    /// Everything else is the production default (method pacing on).</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Slack:AppToken"] = Fake.AppToken,
        ["Slack:BotToken"] = Fake.Team(TeamId(0)).BotToken,
        ["Slack:ApiBaseUrl"] = Fake.ApiBaseUrl.ToString(),
    };

    public Task WaitForSocketAsync() => Fake.WaitForConnectionAsync(1, TimeSpan.FromSeconds(60));

    /// <summary>A new member of the team (users.info knows them, not an admin).</summary>
    public string NewUser(string teamId)
    {
        var user = "U" + Interlocked.Increment(ref _nextUser).ToString("D9", CultureInfo.InvariantCulture);
        Fake.Team(teamId).AddUser(user);
        return user;
    }

    /// <summary>One complete sign flow; each ack latency (ms) goes to <paramref name="latencies"/>. False when a step failed:
    /// an ack later than Slack's 3 s, a refused form, or an answer that did not come within 15 s.</summary>
    public async Task<bool> SignAsync(string teamId, string userId, ICollection<double> latencies)
    {
        var inbox = Channel.CreateUnbounded<object>();
        _inboxes[Key(teamId, userId)] = inbox;
        try
        {
            if (!Acked(await Fake.SendSlashCommandAsync(teamId, userId, "/sign", channelId: "C0GENERAL"), latencies))
            {
                return false;
            }

            var prompt = await NextAsync<FakeSlackMessage>(inbox, m => ButtonToken(m.Blocks, "r0") is not null);
            if (prompt is null || !Acked(await Fake.SendBlockActionAsync(teamId, userId, ButtonToken(prompt.Blocks, "r0")!, channelId: "C0GENERAL"), latencies))
            {
                return false;
            }

            var naming = await NextAsync<FakeSlackMessage>(inbox, m => ButtonToken(m.Blocks, "named") is not null);
            if (naming is null || !Acked(await Fake.SendBlockActionAsync(teamId, userId, ButtonToken(naming.Blocks, "named")!, channelId: "C0GENERAL"), latencies))
            {
                return false;
            }

            var view = await NextAsync<FakeSlackView>(inbox, v => v.View["callback_id"]?.GetValue<string>() is { } id && id.StartsWith("sgf:", StringComparison.Ordinal));
            if (view is null)
            {
                return false;
            }

            var metadata = view.View["private_metadata"]?.GetValue<string>() ?? string.Empty;
            var fields = new Dictionary<string, string> { ["name"] = "Bench Signer " + userId[^6..], ["school"] = "Bench School " + (userId[^1] - '0'), ["stage"] = "MS2" };
            var submitted = await Fake.SendViewSubmissionAsync(teamId, userId, view.View["callback_id"]!.GetValue<string>(), fields, metadata);
            if (!Acked(submitted, latencies) || submitted.ResponseAction == "errors")
            {
                return false;
            }

            var channel = metadata.Length > 0 ? metadata : "C0GENERAL";
            var confirm = await NextAsync<FakeSlackMessage>(inbox, m => ButtonToken(m.Blocks, "sign") is not null || ButtonToken(m.Blocks, "sother") is not null);
            if (confirm is not null && ButtonToken(confirm.Blocks, "sother") is { } other)
            {
                confirm = Acked(await Fake.SendBlockActionAsync(teamId, userId, other, channelId: channel), latencies)
                    ? await NextAsync<FakeSlackMessage>(inbox, m => ButtonToken(m.Blocks, "sign") is not null)
                    : null;
            }

            if (confirm is null || !Acked(await Fake.SendBlockActionAsync(teamId, userId, ButtonToken(confirm.Blocks, "sign")!, channelId: channel), latencies))
            {
                return false;
            }

            return await NextAsync<FakeSlackMessage>(inbox, m => m.Text.Contains("Signed — you are", StringComparison.Ordinal)) is not null;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            _inboxes.TryRemove(Key(teamId, userId), out _);
        }
    }

    private bool Acked(FakeSlackAck ack, ICollection<double> latencies)
    {
        if (Fake.AckLatency(ack.EnvelopeId) is not { } latency)
        {
            return false;
        }

        lock (latencies)
        {
            latencies.Add(latency.TotalMilliseconds);
        }

        return latency < TimeSpan.FromSeconds(3);
    }

    private static async Task<T?> NextAsync<T>(Channel<object> inbox, Func<T, bool> match)
        where T : class
    {
        using var timeout = new CancellationTokenSource(StepTimeout);
        try
        {
            while (true)
            {
                if (await inbox.Reader.ReadAsync(timeout.Token) is T item && match(item))
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private void Deliver(string? teamId, string? userId, object item)
    {
        if (teamId is not null && userId is not null && _inboxes.TryGetValue(Key(teamId, userId), out var inbox))
        {
            inbox.Writer.TryWrite(item);
        }
    }

    private static string Key(string teamId, string userId) => teamId + "|" + userId;

    private static string? ButtonToken(JsonNode? node, string suffix) => node switch
    {
        JsonObject o => o.Select(p => ButtonToken(p.Value, suffix)).FirstOrDefault(s => s is not null),
        JsonArray a => a.Select(v => ButtonToken(v, suffix)).FirstOrDefault(s => s is not null),
        JsonValue v when v.TryGetValue<string>(out var s) && s.StartsWith("sg:", StringComparison.Ordinal) && s.EndsWith(":" + suffix, StringComparison.Ordinal) => s,
        _ => null,
    };

    public ValueTask DisposeAsync() => Fake.DisposeAsync();
}
