using System.Diagnostics;
using PetitionBot.Benchmarks.Support;
using PetitionBot.Core.Model;
using PetitionBot.Fakes.Slack;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>Where a Slack limit binds: two milestones crossed at once (two signers finish together, milestones 1 and 2),
/// so each of 200 Slack channels (one per workspace) gets two announcements. chat.postMessage takes ≈ 1 message per second
/// per channel (the fake: at most one per channel in any 1 s), so any obeying client needs at least 1 s from its first post
/// to its last: that is the floor. The bot runs with only the Slack adapter. It is done twice: right after start (milestones
/// 1 and 2, the first time the bot runs its fan-out code), then a few seconds later (milestones 3 and 4), as a bot that has
/// been running meets a milestone; the target is on the second, and the first is reported beside it.</summary>
internal static class SlackPacingBenchmark
{
    private const int Channels = 200;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        await using var slack = await SlackDriver.StartAsync(Channels);
        var dir = DiscordRig.NewDirectory();
        var settings = BenchHost.Settings(dir);
        settings["Campaigns:0:Milestones:0"] = "1";
        settings["Campaigns:0:Milestones:1"] = "2";
        settings["Campaigns:0:Milestones:2"] = "3";
        settings["Campaigns:0:Milestones:3"] = "4";
        settings["Campaigns:0:Milestones:4"] = "1000";
        await BenchSeed.RunAsync(dir, settings, async services =>
        {
            await BenchSeed.InstallAsync(services, slack, Channels);
            for (var i = 0; i < Channels; i++)
            {
                await BenchSeed.ServerAsync(services, PlatformKind.Slack, SlackDriver.TeamId(i), SlackDriver.ChannelId(i), "Bench workspace " + i);
            }
        });

        foreach (var (key, value) in slack.Settings())
        {
            settings[key] = value;
        }

        try
        {
            return await MeasureAsync(slack, settings);
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }
    }

    private static async Task<IReadOnlyList<BenchResult>> MeasureAsync(SlackDriver slack, IDictionary<string, string?> settings)
    {
        await using (var bot = BotProcess.Start(settings))
        {
            await slack.WaitForSocketAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            await CrossTwoAsync(slack, bot, firstTeam: 0, posted: 2 * Channels);

            // The same again once the bot has run its fan-out code (the runtime's tiered compilation of it takes about a
            // second after a first fan-out); the channels' windows are long over by then.
            await Task.Delay(SettleBetweenRounds);
            await CrossTwoAsync(slack, bot, firstTeam: 2, posted: 4 * Channels);
        }

        var posts = slack.AnnouncementTimestamps.Take(4 * Channels).ToList();
        var floor = FakeSlackRateLimits.Published.PostFloor(Enumerable.Range(0, Channels).ToDictionary(SlackDriver.ChannelId, _ => 2));
        var (coldSpan, coldMarks) = Span(posts[..(2 * Channels)]);
        var (warmSpan, warmMarks) = Span(posts[(2 * Channels)..]);
        var violations = slack.Fake.RateLimitViolations;
        return
        [
            new BenchResult("fan-out", $"2 milestones at once to {Channels} Slack channels, the bot's first fan-out: first post → last", Math.Round(coldSpan.TotalSeconds, 2), "s", "", null,
                $"floor {floor.TotalSeconds:0} s (1 message per channel per second); {violations} 429s from the fake in both rounds; posts at {coldMarks} s; " +
                $"{coldSpan / floor:0.000} x floor: the first round of posts runs the fan-out code for the first time since start"),
            new BenchResult("fan-out", $"2 milestones at once to {Channels} Slack channels, a running bot: first post → last", Math.Round(warmSpan.TotalSeconds, 2), "s", "", null,
                $"milestones 3 and 4, {SettleBetweenRounds.TotalSeconds:0} s after the first fan-out was delivered; posts at {warmMarks} s"),
            new BenchResult("fan-out", "Slack delivery / floor (per-channel limit binding)", Math.Round(warmSpan / floor, 3), "x", "<= 1.1", warmSpan / floor <= 1.1,
                $"a running bot (the row above); the bot's first fan-out after start: {coldSpan / floor:0.000} x"),
        ];
    }

    private static readonly TimeSpan SettleBetweenRounds = TimeSpan.FromSeconds(3);

    /// <summary>Two signers finish together (teams <paramref name="firstTeam"/> and the next), so two milestones are crossed
    /// at once; returns when the fake has <paramref name="posted"/> announcements in all.</summary>
    private static async Task CrossTwoAsync(SlackDriver slack, BotProcess bot, int firstTeam, int posted)
    {
        var signed = await Task.WhenAll(Enumerable.Range(firstTeam, 2).Select(i => slack.SignAsync(SlackDriver.TeamId(i), slack.NewUser(SlackDriver.TeamId(i)), new List<double>())));
        if (signed.Any(ok => !ok))
        {
            throw new InvalidOperationException("Slack pacing: a milestone signature failed\n" + bot.Tail());
        }

        await FakeSlackServer.WaitUntilAsync(() => slack.AnnouncementTimestamps.Count >= posted, TimeSpan.FromSeconds(120));
    }

    private static (TimeSpan Span, string Marks) Span(IReadOnlyList<long> posts) =>
        (Stopwatch.GetElapsedTime(posts[0], posts[^1]),
            string.Join(", ", new[] { 0, 199, 200, 299, 399 }.Select(i => $"#{i + 1} {Stopwatch.GetElapsedTime(posts[0], posts[i]).TotalSeconds:0.000}")));
}
