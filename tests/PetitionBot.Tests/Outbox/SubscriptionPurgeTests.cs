using Microsoft.Extensions.Time.Testing;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Hosting;
using PetitionBot.Outbox;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Outbox;

/// <summary>Notification opt-ins are deleted 30 days after the campaign closes (FakeTimeProvider), not a second before;
/// /mydata then no longer shows them.</summary>
public sealed class SubscriptionPurgeTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ClosesAt = T0.AddDays(10);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Purge_CampaignClosedPlus30Days_OptInsDeletedNotBefore()
    {
        var time = new FakeTimeProvider(T0);
        using var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, [])
        {
            Overrides = TestConfig.For(_dir.Path, new Dictionary<string, string?>
            {
                ["Campaigns:0:Notifications"] = "true",
                ["Campaigns:0:ClosesAt"] = ClosesAt.ToString("O"),
            }),
            ConfigureServices = s => s.AddSingleton<TimeProvider>(time),
        });
        var store = host.Services.GetRequiredService<ISubscriptionStore>();
        var janitor = host.Services.GetRequiredService<SubscriptionJanitor>();
        await store.AddAsync(new NewSubscription("test", "discord:1001", PlatformKind.Discord, "500", "1001", T0, ClosesAt.AddDays(30)));

        // Opted in while the campaign had no close date: the configured close date still ends it.
        await store.AddAsync(new NewSubscription("test", "discord:1002", PlatformKind.Discord, "500", "1002", T0, null));

        time.SetUtcNow(ClosesAt.AddDays(30).AddSeconds(-1));
        Assert.Equal(0, await janitor.PurgeAsync());
        Assert.Single(await store.FindAllAsync("discord:1002"));

        time.SetUtcNow(ClosesAt.AddDays(30));
        Assert.Equal(2, await janitor.PurgeAsync());
        Assert.Empty(await store.FindAllAsync("discord:1001"));
        Assert.Empty(await store.FindAllAsync("discord:1002"));
        var mydata = await host.Services.GetRequiredService<IPetitionBot>().HandleAsync(
            CommandInput.Create(new Actor(PlatformKind.Discord, "500", "1001", [], false, "discord:1001"), "600", CommandCatalog.MyData, new Dictionary<string, string>()));
        Assert.DoesNotContain("private message", mydata.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
