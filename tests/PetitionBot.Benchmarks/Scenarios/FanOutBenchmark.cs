using System.Diagnostics;
using PetitionBot.Benchmarks.Support;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>A milestone announced to 200 Discord channels (one per guild), against the floor set by the fake's limits:
/// global 50 requests/s (interaction endpoints exempt) and 5 messages per 5 s per channel. With one message per channel
/// only the global limit binds: any obeying client needs at least ceil(200 / 50) - 1 = 3 s from the first post to the last.</summary>
internal static class FanOutBenchmark
{
    private const int Channels = 200;
    private const int GlobalPerSecond = 50;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        _ = quick;
        var dir = DiscordRig.NewDirectory();
        var milestone = new Dictionary<string, string?> { ["Campaigns:0:Milestones:0"] = "1", ["Campaigns:0:Milestones:1"] = "1000" };
        await SeedAsync(dir, milestone);

        await using var rig = await DiscordRig.StartAsync(Channels, dir, milestone, GlobalPerSecond);
        await Task.Delay(TimeSpan.FromSeconds(3));
        long signedAt = 0;
        var latencies = new List<double>();
        if (!await rig.SignAsync(DiscordRig.GuildId(0), rig.NewUser(), latencies, t => signedAt = t))
        {
            throw new InvalidOperationException("fan-out: the milestone signature failed\n" + rig.Bot.Tail());
        }

        await FakeDiscordWait(rig, TimeSpan.FromSeconds(120));
        var stamps = rig.Fake.MessageTimestamps;
        var span = Stopwatch.GetElapsedTime(stamps[0], stamps[Channels - 1]);
        var endToEnd = Stopwatch.GetElapsedTime(signedAt, stamps[Channels - 1]);
        var floor = TimeSpan.FromSeconds(Math.Ceiling((double)Channels / GlobalPerSecond) - 1);
        var ratio = span / floor;
        var violations = rig.Fake.RateLimitViolations;
        var marks = string.Join(", ", new[] { 49, 50, 99, 100, 149, 150, 199 }.Select(i => $"#{i + 1} {Stopwatch.GetElapsedTime(stamps[0], stamps[i]).TotalSeconds:0.000}"));
        return
        [
            new BenchResult("fan-out", $"{Channels} Discord channels: first post → last", Math.Round(span.TotalSeconds, 2), "s", "", null,
                $"floor {floor.TotalSeconds:0} s (global {GlobalPerSecond}/s); {violations} 429s from the fake; posts at {marks} s"),
            new BenchResult("fan-out", "Discord delivery / floor", Math.Round(ratio, 3), "x", "<= 1.1", ratio <= 1.1),
            new BenchResult("fan-out", "milestone signature → last post", Math.Round(endToEnd.TotalSeconds, 2), "s", "", null,
                $"{endToEnd / floor:0.00} x floor; includes the outbox poll (500 ms) and the first global window"),
        ];
    }

    private static async Task FakeDiscordWait(DiscordRig rig, TimeSpan timeout) =>
        await PetitionBot.Fakes.Discord.FakeDiscordServer.WaitUntilAsync(() => rig.Fake.MessageTimestamps.Count >= Channels,
            $"{Channels} announcements", timeout);

    /// <summary>200 servers with an announcement channel each, written before the bot starts.</summary>
    private static async Task SeedAsync(string dir, IDictionary<string, string?> extra)
    {
        var settings = BenchHost.Settings(dir);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        using var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, []) { Overrides = settings });
        var servers = host.Services.GetRequiredService<IServerStore>();
        for (var i = 0; i < Channels; i++)
        {
            await servers.SaveAsync(new ServerSettings(new WorkspaceRef(PlatformKind.Discord, DiscordRig.GuildId(i)))
            {
                Name = "Bench guild " + i,
                AnnouncementChannelId = DiscordRig.ChannelId(i),
                UpdatedAt = DateTimeOffset.UtcNow,
            });
        }
    }
}
