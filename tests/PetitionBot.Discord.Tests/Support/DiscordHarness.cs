using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Ports;
using PetitionBot.Discord.Gateway;
using PetitionBot.Discord.Interactions;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Discord.Tests.Support;

/// <summary>The adapter composed exactly as the host does it (<see cref="DiscordServiceCollectionExtensions.AddDiscordAdapter"/>),
/// running against the fake Discord on loopback, with a fake core.</summary>
internal sealed class DiscordHarness : IAsyncDisposable
{
    private DiscordHarness(FakeDiscordServer server, IHost host, FakePetitionBot bot, LogRecorder logs)
    {
        Server = server;
        Host = host;
        Bot = bot;
        Logs = logs;
    }

    public static GatewayTimings FastTimings { get; } = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(10),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(30),
        IdentifySpacing = TimeSpan.Zero,
    };

    public FakeDiscordServer Server { get; }

    public IHost Host { get; }

    public FakePetitionBot Bot { get; }

    public LogRecorder Logs { get; }

    public AdapterStatus Status => Host.Services.GetRequiredService<IAdapterStatusSource>().Current;

    public IChatPlatform Platform => Host.Services.GetRequiredService<IChatPlatform>();

    public static async Task<DiscordHarness> StartAsync(
        FakeDiscordOptions? serverOptions = null,
        IReadOnlyDictionary<string, string?>? extraConfig = null,
        GatewayTimings? timings = null,
        InteractionTimings? interactionTimings = null,
        bool waitConnected = true,
        string? token = null)
    {
        var server = await FakeDiscordServer.StartAsync(serverOptions);
        var bot = new FakePetitionBot();
        var logs = new LogRecorder();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = token ?? server.Options.Token,
            ["Discord:ApplicationId"] = server.Options.ApplicationId,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
        };
        foreach (var (key, value) in extraConfig ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<IPetitionBot>(bot);
        builder.Services.AddSingleton(timings ?? FastTimings);
        if (interactionTimings is not null)
        {
            builder.Services.AddSingleton(interactionTimings);
        }

        builder.Services.AddDiscordAdapter(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        var harness = new DiscordHarness(server, host, bot, logs);
        if (waitConnected)
        {
            await FakeDiscordServer.WaitUntilAsync(() => harness.Status.State == AdapterState.Connected, "the adapter to connect");
        }

        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Host.StopAsync(cts.Token);
        Host.Dispose();
        await Server.DisposeAsync();
    }
}
