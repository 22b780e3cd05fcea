using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;

namespace PetitionBot.Benchmarks.Support;

/// <summary>Writes servers and Slack installations into a fresh database before the bot process starts (LiteDB is never
/// open in two processes at once: this host is disposed before the bot is started).</summary>
internal static class BenchSeed
{
    public static async Task RunAsync(string dir, IDictionary<string, string?>? extra, Func<IServiceProvider, Task> seed)
    {
        var settings = BenchHost.Settings(dir);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        using var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, []) { Overrides = settings });
        await seed(host.Services);
    }

    /// <summary>An installation ("Add to Slack") per team, with the fake's token for it.</summary>
    public static async Task InstallAsync(IServiceProvider services, SlackDriver slack, int teams)
    {
        var store = services.GetRequiredService<IInstallationStore>();
        for (var i = 0; i < teams; i++)
        {
            var team = SlackDriver.TeamId(i);
            await store.SaveAsync(new Installation(new ServerRef(PlatformKind.Slack, team), slack.Fake.Team(team).BotToken, "U0BOT", "Bench workspace " + i, DateTimeOffset.UtcNow));
        }
    }

    /// <summary>A server with an announcement channel.</summary>
    public static Task ServerAsync(IServiceProvider services, PlatformKind platform, string workspaceId, string channelId, string name) =>
        services.GetRequiredService<IServerStore>().SaveAsync(new ServerSettings(new ServerRef(platform, workspaceId))
        {
            Name = name,
            AnnouncementChannelId = channelId,
            UpdatedAt = DateTimeOffset.UtcNow,
        });
}
