using System.Collections.Concurrent;
using PetitionBot.Fakes.Discord;
using PetitionBot.Fakes.Slack;

namespace PetitionBot.Tests.Reliability;

/// <summary>The soak's seeded fault schedule: every few hundred milliseconds the next class of a shuffled round fires
/// in the fake Discord or the fake Slack. A count-based fault (5xx, 429, slow answer) is only queued again when the last
/// one of its kind has been served, so a storm never piles up behind a method the bot seldom calls.
/// The first storm of each REST class whose service is asserted is armed by request count instead (<see cref="ArmByRequestCount"/>):
/// the bot posts announcements only when a milestone is crossed, so a storm armed by the clock after the last of those
/// posts would never be met.</summary>
internal sealed class SoakFaultInjector(FakeDiscordServer discord, FakeSlackServer slack, Random rng)
{
    public const string DiscordClose = "discord close 4000";
    public const string DiscordReconnect = "discord op 7 reconnect";
    public const string SlackRefresh = "slack disconnect refresh_requested";
    public const string SlackWarning = "slack disconnect warning";
    public const string SlackDropped = "slack socket dropped";
    public const string DiscordChannel5xx = "discord 5xx storm (channels)";
    public const string DiscordChannel429 = "discord 429 storm (channels)";
    public const string DiscordCallback429 = "discord 429 (interaction callbacks)";
    public const string SlackPost5xx = "slack 5xx storm (chat.postMessage)";
    public const string SlackPost429 = "slack 429 storm (chat.postMessage)";
    public const string SlackEphemeral429 = "slack 429 (chat.postEphemeral)";
    public const string SlowResponses = "slow responses";

    public static readonly string[] Classes =
    [
        DiscordClose, DiscordReconnect, SlackRefresh, SlackWarning, SlackDropped, DiscordChannel5xx, DiscordChannel429,
        DiscordCallback429, SlackPost5xx, SlackPost429, SlackEphemeral429, SlowResponses,
    ];

    private readonly ConcurrentDictionary<string, int> _injected = new(StringComparer.Ordinal);
    private readonly Queue<string> _round = new();
    private int _rounds;

    /// <summary>How often each class was injected (a count-based class still pending is not injected again).</summary>
    public IReadOnlyDictionary<string, int> Injected => _injected;

    public int Rounds => Volatile.Read(ref _rounds);

    /// <summary>The REST classes whose faulty answers the soak asserts were served (see <see cref="Served"/>).</summary>
    public static readonly string[] Asserted = [DiscordChannel5xx, DiscordChannel429, DiscordCallback429, SlackPost5xx, SlackPost429, SlackEphemeral429];

    /// <summary>Before anyone signs: arm the first storm of each asserted class to start at a seeded request of its kind,
    /// early enough that the run surely makes it. Channel posts (Discord channels/, Slack chat.postMessage) are three per
    /// milestone, and the milestones 2, 5 and 25 are crossed early, so the storm starts by the ninth post at the latest;
    /// a post it fails is retried, and the retries meet the rest of the storm. Interaction callbacks and ephemeral replies
    /// come with every signer (150 per platform), so those storms start within the first 40.</summary>
    public void ArmByRequestCount()
    {
        discord.InjectFault(new FakeRestFault("POST", "channels/", rng.Next(2) == 0 ? 500 : 503, Times: rng.Next(2, 6), After: rng.Next(0, 9)));
        discord.InjectRateLimit("POST", "channels/", TimeSpan.FromMilliseconds(rng.Next(300, 1500)), times: rng.Next(2, 6), after: rng.Next(0, 9));
        discord.InjectRateLimit("POST", "interactions/", TimeSpan.FromMilliseconds(rng.Next(100, 400)), times: rng.Next(1, 3), after: rng.Next(0, 40));
        slack.ServerErrorNext("chat.postMessage", rng.Next(2) == 0 ? 500 : 503, rng.Next(2, 6), after: rng.Next(0, 9));
        slack.RateLimitNext("chat.postMessage", 1, rng.Next(2, 6), after: rng.Next(0, 9));
        slack.RateLimitNext("chat.postEphemeral", 1, rng.Next(1, 3), after: rng.Next(0, 40));
        foreach (var name in Asserted)
        {
            _injected[name] = 1;
        }
    }

    /// <summary>Fire faults until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct = default)
    {
        while (true)
        {
            try
            {
                await Task.Delay(rng.Next(60, 260), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_round.Count == 0)
            {
                foreach (var name in Classes.OrderBy(_ => rng.Next()))
                {
                    _round.Enqueue(name);
                }

                Interlocked.Increment(ref _rounds);
            }

            var next = _round.Dequeue();
            if (await InjectAsync(next).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None))
            {
                _injected.AddOrUpdate(next, 1, (_, n) => n + 1);
            }
        }
    }

    /// <summary>How many faulty answers of each REST class the fakes actually served (from their request logs).</summary>
    public IReadOnlyDictionary<string, int> Served()
    {
        var requests = discord.Requests;
        var calls = slack.Calls;
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [DiscordChannel5xx] = requests.Count(r => r.Method == "POST" && r.Path.StartsWith("channels/", StringComparison.Ordinal) && r.Status >= 500),
            [DiscordChannel429] = requests.Count(r => r.Method == "POST" && r.Path.StartsWith("channels/", StringComparison.Ordinal) && r.Status == 429),
            [DiscordCallback429] = requests.Count(r => r.Method == "POST" && r.Path.StartsWith("interactions/", StringComparison.Ordinal) && r.Status == 429),
            [SlackPost5xx] = calls.Count(c => c.Method == "chat.postMessage" && c.StatusCode >= 500),
            [SlackPost429] = calls.Count(c => c.Method == "chat.postMessage" && c.StatusCode == 429),
            [SlackEphemeral429] = calls.Count(c => c.Method == "chat.postEphemeral" && c.StatusCode == 429),
        };
    }

    /// <summary><see cref="Served"/> once every <see cref="Asserted"/> class was served at least once, or when
    /// <paramref name="timeout"/> has passed (then the caller's assertion names the class the bot never met).</summary>
    public async Task<IReadOnlyDictionary<string, int>> ServedOnceEachAsync(TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        var served = Served();
        while (Asserted.Any(f => served.GetValueOrDefault(f) == 0) && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(100);
            served = Served();
        }

        return served;
    }

    /// <summary>Injected answers of this class's kind the bot has not met yet.</summary>
    private int Pending(string name) => name switch
    {
        DiscordChannel5xx or DiscordChannel429 => discord.PendingFaults("POST", "channels/"),
        DiscordCallback429 => discord.PendingFaults("POST", "interactions/"),
        SlackPost5xx or SlackPost429 => slack.PendingFaults("chat.postMessage"),
        SlackEphemeral429 => slack.PendingFaults("chat.postEphemeral"),
        SlowResponses => slack.PendingFaults("views.open") + discord.PendingFaults("POST", "interactions/"),
        _ => 0,
    };

    private async Task<bool> InjectAsync(string name)
    {
        // A class not armed yet fires in the first round; after that a count-based one waits until its last storm was served.
        if (_injected.ContainsKey(name) && Pending(name) > 0)
        {
            return false;
        }

        switch (name)
        {
            case DiscordClose:
                await discord.CloseConnectionAsync(4000);
                return true;
            case DiscordReconnect:
                await discord.SendReconnectAsync();
                return true;
            case SlackRefresh or SlackWarning:
                if (slack.ActiveConnection is not { } open)
                {
                    return false;
                }

                try
                {
                    await open.DisconnectAsync(name == SlackRefresh ? "refresh_requested" : "warning", TimeSpan.FromMilliseconds(rng.Next(200, 1500)));
                }
                catch (System.Net.WebSockets.WebSocketException)
                {
                    // The bot was already closing this socket (it had switched to a newer one): nothing was injected.
                    return false;
                }

                return true;
            case SlackDropped:
                if (slack.ActiveConnection is not { } dropped)
                {
                    return false;
                }

                await dropped.CloseAsync();
                return true;
            case DiscordChannel5xx:
                discord.InjectFault(new FakeRestFault("POST", "channels/", rng.Next(2) == 0 ? 500 : 503, Times: rng.Next(2, 6)));
                return true;
            case DiscordChannel429:
                discord.InjectRateLimit("POST", "channels/", TimeSpan.FromMilliseconds(rng.Next(300, 1500)), times: rng.Next(2, 6));
                return true;
            case DiscordCallback429:
                discord.InjectRateLimit("POST", "interactions/", TimeSpan.FromMilliseconds(rng.Next(100, 400)), times: rng.Next(1, 3));
                return true;
            case SlackPost5xx:
                slack.ServerErrorNext("chat.postMessage", rng.Next(2) == 0 ? 500 : 503, rng.Next(2, 6));
                return true;
            case SlackPost429:
                slack.RateLimitNext("chat.postMessage", 1, rng.Next(2, 6));
                return true;
            case SlackEphemeral429:
                slack.RateLimitNext("chat.postEphemeral", 1, rng.Next(1, 3));
                return true;
            case SlowResponses:
                slack.SlowNext("chat.postEphemeral", TimeSpan.FromMilliseconds(rng.Next(200, 1200)), rng.Next(1, 3));
                slack.SlowNext("views.open", TimeSpan.FromMilliseconds(rng.Next(100, 600)), rng.Next(1, 3));
                discord.SlowNext("POST", "interactions/", TimeSpan.FromMilliseconds(rng.Next(100, 800)), rng.Next(1, 4));
                return true;
            default:
                return false;
        }
    }
}
