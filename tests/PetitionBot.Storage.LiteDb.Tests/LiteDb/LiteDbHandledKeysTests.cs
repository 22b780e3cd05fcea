using Microsoft.Extensions.Time.Testing;

namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbHandledKeysTests : HandledKeysContract
{
    [Fact]
    public async Task PurgeExpired_AfterTheLifetime_ForgetsTheIdOnly()
    {
        var temp = (TempStore)store;
        var clock = new FakeTimeProvider(TempStore.T0);
        var keys = new LiteDbHandledKeys(temp.Context, clock);
        await keys.FirstTimeAsync("signed:discord:i:old");
        clock.Advance(LiteDbHandledKeys.Lifetime - TimeSpan.FromMinutes(1));
        await keys.FirstTimeAsync("signed:discord:i:new");
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, await keys.PurgeExpiredAsync());

        Assert.True(await new LiteDbHandledKeys(temp.Context, clock).FirstTimeAsync("signed:discord:i:old"));
        Assert.False(await new LiteDbHandledKeys(temp.Context, clock).FirstTimeAsync("signed:discord:i:new"));
    }

    [Fact]
    public async Task FirstTimeAsync_Key_StoredOnlyAsItsHash()
    {
        var temp = (TempStore)store;
        await store.NewHandledKeys(TimeProvider.System).FirstTimeAsync("signed:discord:i:1234567890123456789");

        Assert.False(TempStore.Contains(temp.CloseAndReadFiles(), "1234567890123456789"));
    }

    [Fact]
    public async Task FirstTimeAsync_GatewayDeliveryKey_RememberedInMemoryOnlyNothingWritten()
    {
        var temp = (TempStore)store;
        var keys = new LiteDbHandledKeys(temp.Context, TimeProvider.System);

        Assert.True(await keys.FirstTimeAsync("discord:i:42"));
        Assert.False(await keys.FirstTimeAsync("discord:i:42"));

        Assert.Equal(0, temp.Context.SeenIds.Count());
        Assert.True(await new LiteDbHandledKeys(temp.Context, TimeProvider.System).FirstTimeAsync("discord:i:42"));
    }

    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
