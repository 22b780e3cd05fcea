using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The contract every store keeps; runs on LiteDB and on PostgreSQL.</summary>
public abstract class InstallationStoreContract : StoreContract
{
    private const string BotToken = "xoxb-111111111111-222222222222-AbCdEfGhIjKlMnOpQrStUvWx";

    [Fact]
    public async Task FindAsync_SavedInstallation_RoundTripsTheToken()
    {
        var server = new ServerRef(PlatformKind.Slack, "T123");
        await store.Installations.SaveAsync(new Installation(server, BotToken, "U0BOT", "Med School", TempStore.T0));

        var found = await store.Installations.FindAsync(server);

        Assert.Equal(new Installation(server, BotToken, "U0BOT", "Med School", TempStore.T0), found);
        Assert.Single(await store.Installations.ListAsync(PlatformKind.Slack));
        Assert.Empty(await store.Installations.ListAsync(PlatformKind.Discord));
        Assert.True(await store.Installations.RemoveAsync(server));
        Assert.Null(await store.Installations.FindAsync(server));
        Assert.False(await store.Installations.RemoveAsync(server));
    }

    [Fact]
    public async Task FileBytes_SavedInstallation_HoldNoTokenInClear()
    {
        await store.Installations.SaveAsync(new Installation(new ServerRef(PlatformKind.Slack, "T123"), BotToken, "U0BOT", null, TempStore.T0));

        var bytes = await store.StoredBytesAsync();

        Assert.False(TempStore.Contains(bytes, BotToken));
        Assert.False(TempStore.Contains(bytes, "AbCdEfGhIjKlMnOpQrStUvWx"));
    }
}
