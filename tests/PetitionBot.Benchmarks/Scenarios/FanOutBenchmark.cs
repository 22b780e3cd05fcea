using System.Diagnostics;
using PetitionBot.Benchmarks.Support;
using PetitionBot.Core.Model;
using PetitionBot.Fakes.Slack;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>One milestone announced to 200 Discord channels (one per guild) and 200 Slack channels (one per workspace, each
/// an installation), from one bot process, against the floors set by the fakes' limits.
/// Discord: global 50 requests/s (interaction endpoints exempt) and 5 messages per 5 s per channel; with one message per
/// channel only the global limit binds: any obeying client needs at least ceil(200 / 50) - 1 = 3 s from the first post to
/// the last. Slack: chat.postMessage ≈ 1 per second per channel, method tiers per workspace; with one message per channel
/// and one channel per workspace no Slack limit binds, so the Slack floor is 0 s and the milestone's floor is Discord's.</summary>
internal static class FanOutBenchmark
{
    private const int Channels = 200;
    private const int GlobalPerSecond = 50;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        _ = quick;
        return [.. await MilestoneAsync(), .. await SlackPacingBenchmark.RunAsync()];
    }

    private static async Task<IReadOnlyList<BenchResult>> MilestoneAsync()
    {
        await using var slack = await SlackDriver.StartAsync(Channels);
        var dir = DiscordRig.NewDirectory();
        var milestone = new Dictionary<string, string?> { ["Campaigns:0:Milestones:0"] = "1", ["Campaigns:0:Milestones:1"] = "1000" };
        await BenchSeed.RunAsync(dir, milestone, async services =>
        {
            await BenchSeed.InstallAsync(services, slack, Channels);
            for (var i = 0; i < Channels; i++)
            {
                await BenchSeed.ServerAsync(services, PlatformKind.Discord, DiscordRig.GuildId(i), DiscordRig.ChannelId(i), "Bench guild " + i);
                await BenchSeed.ServerAsync(services, PlatformKind.Slack, SlackDriver.TeamId(i), SlackDriver.ChannelId(i), "Bench workspace " + i);
            }
        });

        var settings = new Dictionary<string, string?>(milestone);
        foreach (var (key, value) in slack.Settings())
        {
            settings[key] = value;
        }

        await using var rig = await DiscordRig.StartAsync(Channels, dir, settings, GlobalPerSecond);
        await slack.WaitForSocketAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        long signedAt = 0;
        if (!await rig.SignAsync(DiscordRig.GuildId(0), rig.NewUser(), new List<double>(), t => signedAt = t))
        {
            throw new InvalidOperationException("fan-out: the milestone signature failed\n" + rig.Bot.Tail());
        }

        await FakeSlackServer.WaitUntilAsync(() => rig.Fake.MessageTimestamps.Count >= Channels && slack.AnnouncementTimestamps.Count >= Channels,
            TimeSpan.FromSeconds(120));
        var discord = rig.Fake.MessageTimestamps.Take(Channels).ToList();
        var slackPosts = slack.AnnouncementTimestamps.Take(Channels).ToList();
        var first = Math.Min(discord[0], slackPosts[0]);
        var last = Math.Max(discord[^1], slackPosts[^1]);

        var discordFloor = TimeSpan.FromSeconds(Math.Ceiling((double)Channels / GlobalPerSecond) - 1);
        var slackFloor = FakeSlackRateLimits.Published.PostFloor(Enumerable.Range(0, Channels).ToDictionary(SlackDriver.ChannelId, _ => 1));
        var floor = discordFloor > slackFloor ? discordFloor : slackFloor;
        var discordSpan = Stopwatch.GetElapsedTime(discord[0], discord[^1]);
        var slackSpan = Stopwatch.GetElapsedTime(slackPosts[0], slackPosts[^1]);
        var slackDone = Stopwatch.GetElapsedTime(first, slackPosts[^1]);
        var span = Stopwatch.GetElapsedTime(first, last);
        var endToEnd = Stopwatch.GetElapsedTime(signedAt, last);
        var toFirst = Stopwatch.GetElapsedTime(signedAt, first);
        var discordLag = Stopwatch.GetElapsedTime(first, discord[0]);
        var discordMarks = string.Join(", ", new[] { 49, 50, 99, 100, 149, 150, 199 }.Select(i => $"#{i + 1} {Stopwatch.GetElapsedTime(discord[0], discord[i]).TotalSeconds:0.000}"));
        var slackMarks = string.Join(", ", new[] { 0, 49, 99, 149, 199 }.Select(i => $"#{i + 1} {Stopwatch.GetElapsedTime(first, slackPosts[i]).TotalSeconds:0.000}"));
        IReadOnlyList<BenchResult> results =
        [
            new BenchResult("fan-out", $"{Channels} Discord channels: first post → last", Math.Round(discordSpan.TotalSeconds, 2), "s", "", null,
                $"floor {discordFloor.TotalSeconds:0} s (global {GlobalPerSecond}/s); {rig.Fake.RateLimitViolations} 429s from the fake; posts at {discordMarks} s"),
            new BenchResult("fan-out", "Discord delivery / floor", Math.Round(discordSpan / discordFloor, 3), "x", "<= 1.1", discordSpan / discordFloor <= 1.1),
            new BenchResult("fan-out", $"{Channels} Slack channels ({Channels} workspaces): first post → last", Math.Round(slackSpan.TotalSeconds, 2), "s", "", null,
                $"Slack floor {slackFloor.TotalSeconds:0} s: one post per channel and per workspace, so neither 1 msg/s per channel nor a method tier binds; " +
                $"{slack.Fake.RateLimitViolations} 429s from the fake; Slack posts at (from the milestone's first post) {slackMarks} s"),
            new BenchResult("fan-out", "Slack delivered: milestone's first post → last Slack post / milestone floor", Math.Round(slackDone / floor, 3), "x", "<= 1.1", slackDone / floor <= 1.1,
                $"{slackDone.TotalSeconds:0.00} s; the milestone floor is max(Discord {discordFloor.TotalSeconds:0} s, Slack {slackFloor.TotalSeconds:0} s)"),
            new BenchResult("fan-out", $"milestone to {Channels} Discord + {Channels} Slack channels: first post → last / floor", Math.Round(span / floor, 3), "x", "<= 1.1", span / floor <= 1.1,
                $"{span.TotalSeconds:0.00} s vs floor {floor.TotalSeconds:0} s"),
            new BenchResult("fan-out", "milestone signature → last post", Math.Round(endToEnd.TotalSeconds, 2), "s", "", null,
                $"{endToEnd / floor:0.00} x floor: signature → first post {toFirst.TotalSeconds:0.000} s (the confirm interaction, the signature's " +
                $"transaction with the announcement and its {2 * Channels} deliveries, the outbox's wake-up, claim and first post), first Discord post " +
                $"{discordLag.TotalSeconds:0.000} s after the milestone's first post, then Discord's windows"),
            new BenchResult("fan-out", "milestone signature → last post / floor", Math.Round(endToEnd / floor, 3), "x", "<= 1.1", endToEnd / floor <= 1.1,
                $"{endToEnd.TotalSeconds:0.00} s vs floor {floor.TotalSeconds:0} s"),
        ];
        return results;
    }
}
