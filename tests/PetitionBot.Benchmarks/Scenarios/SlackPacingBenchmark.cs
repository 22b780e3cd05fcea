using System.Diagnostics;
using PetitionBot.Benchmarks.Support;
using PetitionBot.Core.Model;
using PetitionBot.Fakes.Slack;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>Where a Slack limit binds: two milestones crossed at once (two signers finish together, milestones 1 and 2),
/// so each of 200 Slack channels (one per workspace) gets two announcements. chat.postMessage takes ≈ 1 message per second
/// per channel (the fake: at most one per channel in any 1 s), so any obeying client needs at least 1 s from its first post
/// to its last: that is the floor. The bot runs with only the Slack adapter.</summary>
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
        settings["Campaigns:0:Milestones:2"] = "1000";
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
            var signed = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => slack.SignAsync(SlackDriver.TeamId(i), slack.NewUser(SlackDriver.TeamId(i)), new List<double>())));
            if (signed.Any(ok => !ok))
            {
                throw new InvalidOperationException("Slack pacing: a milestone signature failed\n" + bot.Tail());
            }

            await FakeSlackServer.WaitUntilAsync(() => slack.AnnouncementTimestamps.Count >= 2 * Channels, TimeSpan.FromSeconds(120));
        }

        var posts = slack.AnnouncementTimestamps.Take(2 * Channels).ToList();
        var span = Stopwatch.GetElapsedTime(posts[0], posts[^1]);
        var floor = FakeSlackRateLimits.Published.PostFloor(Enumerable.Range(0, Channels).ToDictionary(SlackDriver.ChannelId, _ => 2));
        var ratio = span / floor;
        var marks = string.Join(", ", new[] { 0, 199, 200, 299, 399 }.Select(i => $"#{i + 1} {Stopwatch.GetElapsedTime(posts[0], posts[i]).TotalSeconds:0.000}"));
        return
        [
            new BenchResult("fan-out", $"2 milestones at once to {Channels} Slack channels: first post → last", Math.Round(span.TotalSeconds, 2), "s", "", null,
                $"floor {floor.TotalSeconds:0} s (1 message per channel per second); {slack.Fake.RateLimitViolations} 429s from the fake; posts at {marks} s"),
            new BenchResult("fan-out", "Slack delivery / floor (per-channel limit binding)", Math.Round(ratio, 3), "x", "<= 1.1", ratio <= 1.1),
        ];
    }
}
