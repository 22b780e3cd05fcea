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
        await keys.FirstTimeAsync("discord:i:old");
        clock.Advance(LiteDbHandledKeys.Lifetime - TimeSpan.FromMinutes(1));
        await keys.FirstTimeAsync("discord:i:new");
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(1, keys.PurgeExpired());

        Assert.True(await new LiteDbHandledKeys(temp.Context, clock).FirstTimeAsync("discord:i:old"));
        Assert.False(await new LiteDbHandledKeys(temp.Context, clock).FirstTimeAsync("discord:i:new"));
    }

    [Fact]
    public async Task FirstTimeAsync_Key_StoredOnlyAsItsHash()
    {
        var temp = (TempStore)store;
        await store.NewHandledKeys(TimeProvider.System).FirstTimeAsync("discord:i:1234567890123456789");

        Assert.False(TempStore.Contains(temp.CloseAndReadFiles(), "1234567890123456789"));
    }

    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
