using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Fakes.Discord;
using PetitionBot.Hosting;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Discord;

/// <summary>The real bot host (core, LiteDB store, outbox, Discord adapter, HTTP listener) built by
/// <see cref="PetitionHost.Build"/>, connected to a fake Discord on loopback.</summary>
internal sealed class LiveDiscordBot : IAsyncDisposable
{
    public const string OrganizerId = "600000000000000900";

    private readonly TempDirectory _dir;

    private LiveDiscordBot(TempDirectory dir, FakeDiscordServer fake, IHost host)
    {
        _dir = dir;
        Fake = fake;
        Host = host;
    }

    public FakeDiscordServer Fake { get; }

    public IHost Host { get; }

    public string Directory => _dir.Path;

    public ISignatureStore Signatures => Host.Services.GetRequiredService<ISignatureStore>();

    /// <summary>Settings for the real host against <paramref name="fake"/>: database in <paramref name="directory"/>,
    /// the "test" campaign (goal 100, milestones 2 and 5), one Discord organizer.</summary>
    public static Dictionary<string, string?> Settings(string directory, FakeDiscordServer fake, IDictionary<string, string?>? extra = null)
    {
        var settings = TestConfig.For(directory, new Dictionary<string, string?>
        {
            ["Discord:Token"] = fake.Options.Token,
            ["Discord:ApplicationId"] = fake.Options.ApplicationId,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Organizers:0"] = "discord:" + OrganizerId,
            ["Outbox:PollInterval"] = "00:00:00.050",
        });
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static FakeDiscordOptions DefaultFakeOptions => new()
    {
        HeartbeatIntervalMs = 60_000,

        // Two shared cores run other builds: give the bot more than Discord's 3 s before the fake says 10062.
        InteractionDeadline = TimeSpan.FromSeconds(10),
    };

    public static async Task<LiveDiscordBot> StartAsync(FakeDiscordOptions? fakeOptions = null, IDictionary<string, string?>? extra = null,
        Action<IServiceCollection>? configure = null)
    {
        var dir = new TempDirectory();
        var fake = await FakeDiscordServer.StartAsync(fakeOptions ?? DefaultFakeOptions);
        var host = await StartHostAsync(dir.Path, fake, extra, configure);
        return new LiveDiscordBot(dir, fake, host);
    }

    /// <summary>Builds and starts the real host on <paramref name="directory"/> against <paramref name="fake"/> and waits
    /// until the Discord adapter is connected (tests that restart the bot on the same database use this directly).</summary>
    public static async Task<IHost> StartHostAsync(string directory, FakeDiscordServer fake, IDictionary<string, string?>? extra = null,
        Action<IServiceCollection>? configure = null)
    {
        var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Bot, []) { Overrides = Settings(directory, fake, extra), ConfigureServices = configure });
        await host.StartAsync();
        var discord = host.Services.GetServices<IAdapterStatusSource>().Single(s => s.Current.Name.Contains("discord", StringComparison.OrdinalIgnoreCase));
        await FakeDiscordServer.WaitUntilAsync(() => discord.Current.State == AdapterState.Connected, "the Discord adapter to connect", DiscordFlow.Timeout);
        return host;
    }

    /// <summary>Runs /setup channel:<paramref name="channelId"/> as a member with Manage Server in <paramref name="guildId"/>.</summary>
    public Task<System.Text.Json.Nodes.JsonNode> SetupChannelAsync(string guildId, string adminId, string channelId) =>
        DiscordFlow.InteractAsync(Fake, FakeDiscordInteractions.SlashCommand(Fake, guildId, adminId, "setup",
            new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["channel"] = channelId },
            permissions: FakeDiscordInteractions.ManageServerPermissions));

    /// <summary>Waits until the outbox has nothing left to send.</summary>
    public Task OutboxDrainedAsync() => FakeDiscordServer.WaitUntilAsync(
        () => Host.Services.GetRequiredService<IOutboxStore>().PendingCountAsync().GetAwaiter().GetResult() == 0,
        "the outbox to drain", DiscordFlow.Timeout);

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Host.StopAsync(cts.Token);
        Host.Dispose();
        await Fake.DisposeAsync();
        _dir.Dispose();
    }
}
