using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Ports;
using PetitionBot.Fakes.Slack;
using PetitionBot.Slack.SocketMode;

namespace PetitionBot.Slack.Tests.Support;

/// <summary>The real adapter (DI as the host wires it) against the fake Slack on loopback, with a fake core and an
/// in-memory installation store. Timeouts are shortened so the fault tests run in well under a second each.</summary>
internal sealed class SlackAdapterHarness : IAsyncDisposable
{
    public const string TeamId = "T0SCHOOL1";
    public const string BotToken = "xoxb-T0SCHOOL1-fake";

    private SlackAdapterHarness(FakeSlackServer slack, ServiceProvider services, LogRecorder logs, FakePetitionBot bot, InMemoryInstallationStore store)
    {
        Slack = slack;
        Services = services;
        Logs = logs;
        Bot = bot;
        Store = store;
    }

    public FakeSlackServer Slack { get; }

    public ServiceProvider Services { get; }

    public LogRecorder Logs { get; }

    public FakePetitionBot Bot { get; }

    public InMemoryInstallationStore Store { get; }

    public SocketModeService Socket => Services.GetRequiredService<SocketModeService>();

    public IAdapterStatusSource Status => Services.GetRequiredService<IAdapterStatusSource>();

    public static async Task<SlackAdapterHarness> StartAsync(
        Action<FakeSlackServer>? arrange = null,
        Dictionary<string, string?>? settings = null,
        bool startSocket = true,
        Action<IServiceCollection>? services = null)
    {
        var slack = await FakeSlackServer.StartAsync();
        slack.AddTeam(TeamId, BotToken).AddUser("U0STUDENT").AddUser("U0ADMIN", isAdmin: true);
        arrange?.Invoke(slack);
        var config = new Dictionary<string, string?>
        {
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:AppToken"] = slack.AppToken,
            ["Slack:BotToken"] = BotToken,
            ["Slack:KeepAliveInterval"] = "00:00:00.200",
            ["Slack:KeepAliveTimeout"] = "00:00:00.500",
            ["Slack:HelloTimeout"] = "00:00:02",
            ["Slack:ReconnectDelay"] = "00:00:00.050",
            ["Slack:MaxReconnectDelay"] = "00:00:00.500",
            ["Slack:TooManyWebsocketsDelay"] = "00:00:00.400",
        };
        foreach (var (k, v) in settings ?? [])
        {
            config[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var logs = new LogRecorder();
        var bot = new FakePetitionBot();
        var store = new InMemoryInstallationStore();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        collection.AddSingleton<IPetitionBot>(bot);
        collection.AddSingleton<IInstallationStore>(store);
        collection.AddSlackAdapter(configuration);
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        var harness = new SlackAdapterHarness(slack, provider, logs, bot, store);
        if (startSocket)
        {
            await harness.Socket.StartAsync(CancellationToken.None);
        }

        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        if (Services.GetService<SocketModeService>() is { } socket)
        {
            await socket.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
