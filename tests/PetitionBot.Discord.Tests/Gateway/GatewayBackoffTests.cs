using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PetitionBot.Discord.Gateway;

namespace PetitionBot.Discord.Tests.Gateway;

public sealed class GatewayBackoffTests
{
    private static GatewayClient Client() => new(
        null!,
        () => new ScriptedTransport(),
        Options.Create(new DiscordOptions()),
        new DiscordAdapterStatus(TimeProvider.System),
        new GatewayTimings(),
        TimeProvider.System,
        new GatewaySessionHandoff(Options.Create(new DiscordOptions()), new GatewayTimings(), TimeProvider.System, NullLogger<GatewaySessionHandoff>.Instance),
        new Core.Ports.ShutdownIntent(),
        NullLogger<GatewayClient>.Instance);

    [Theory]
    [InlineData(0, 500, 1000)]
    [InlineData(1, 1000, 2000)]
    [InlineData(3, 4000, 8000)]
    [InlineData(30, 30_000, 60_000)]
    public void Backoff_Attempt_DoublesWithJitterAndIsCapped(int attempt, double minMs, double maxMs)
    {
        var client = Client();
        var delays = Enumerable.Range(0, 50).Select(_ => client.Backoff(attempt).TotalMilliseconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, minMs, maxMs));
        Assert.True(delays.Distinct().Count() > 1, "no jitter");
    }
}
