using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Abuse;

/// <summary>Every command × every role × both platforms, as one table.</summary>
public sealed class AuthorizationMatrixTests : IDisposable
{
    private const string Allowed = "allowed";
    private const string Denied = "denied";
    private readonly TempDirectory _dir = new();

    // command → (student, chapter leader, server admin, organizer, leader of another server)
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        [CommandCatalog.Sign] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        [CommandCatalog.Unsign] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        [CommandCatalog.Petition] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        [CommandCatalog.MyData] = [Allowed, Allowed, Allowed, Allowed, Allowed],
        [CommandCatalog.Totals] = ["total", "school", "school", "breakdown", "total"],
        [CommandCatalog.Update] = [Denied, Allowed, Allowed, Allowed, Denied],
        [CommandCatalog.Export] = [Denied, Denied, Denied, Allowed, Denied],
        [CommandCatalog.Setup] = [Denied, Denied, Allowed, Denied, Denied],
    };

    public static TheoryData<PlatformKind> Platforms => new() { PlatformKind.Discord, PlatformKind.Slack };

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task Handle_EveryCommandForEveryRole_MatchesTheTable(PlatformKind platform)
    {
        var (home, away) = platform == PlatformKind.Discord ? ("111", "222") : ("T111", "T222");
        var organizerId = platform == PlatformKind.Discord ? "400" : "U400";
        var organizerKey = platform == PlatformKind.Discord ? $"discord:{organizerId}" : $"slack:{home}:{organizerId}";
        using var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, [])
        {
            Overrides = TestConfig.For(_dir.Path, new Dictionary<string, string?>
            {
                ["Organizers:0"] = organizerKey,
                ["Abuse:InteractionsPerMinute"] = "100000",
            }),
        });
        var servers = host.Services.GetRequiredService<IServerStore>();
        await servers.SaveAsync(new ServerSettings(new ServerRef(platform, home)) { LeaderRoleId = "leaders", School = "UC Davis", AnnouncementChannelId = "ann" });
        await servers.SaveAsync(new ServerSettings(new ServerRef(platform, away)) { LeaderRoleId = "other-leaders", AnnouncementChannelId = "ann2" });
        string Key(string workspace, string user) => platform == PlatformKind.Discord ? $"discord:{user}" : $"slack:{workspace}:{user}";
        var actors = new[]
        {
            new Actor(platform, home, "U1", [], false, Key(home, "U1")),
            new Actor(platform, home, "U2", ["leaders"], false, Key(home, "U2")),
            new Actor(platform, home, "U3", [], true, Key(home, "U3")),
            new Actor(platform, home, organizerId, [], false, Key(home, organizerId)),
            new Actor(platform, away, "U2", ["leaders"], false, Key(away, "U2")),
        };
        var bot = host.Services.GetRequiredService<IPetitionBot>();
        var mismatches = new List<string>();
        foreach (var (command, row) in Expected)
        {
            for (var r = 0; r < actors.Length; r++)
            {
                var reply = await bot.HandleAsync(CommandInput.Create(actors[r], "ch", command));
                var got = Classify(command, reply);
                if (got != row[r])
                {
                    mismatches.Add($"{platform} /{command} as role #{r}: expected {row[r]}, got {got} ({reply.Text[..Math.Min(80, reply.Text.Length)]})");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    public void Dispose() => _dir.Dispose();

    private static string Classify(string command, Reply reply)
    {
        if (reply.Text.StartsWith("Only ", StringComparison.Ordinal))
        {
            return Denied;
        }

        if (command != CommandCatalog.Totals)
        {
            return Allowed;
        }

        if (reply.Attachments.Count > 0 && reply.Text.Contains("By school", StringComparison.Ordinal))
        {
            return "breakdown";
        }

        return reply.Text.Contains("UC Davis", StringComparison.Ordinal) ? "school" : "total";
    }
}
