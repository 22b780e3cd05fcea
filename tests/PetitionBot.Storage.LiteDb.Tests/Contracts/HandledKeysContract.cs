namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The handled-keys contract (replay and retry de-duplication); runs on LiteDB and on PostgreSQL.</summary>
public abstract class HandledKeysContract : StoreContract
{
    [Fact]
    public async Task FirstTimeAsync_SameKeyTwice_TrueThenFalse()
    {
        var keys = store.NewHandledKeys(TimeProvider.System);

        Assert.True(await keys.FirstTimeAsync("discord:i:1"));
        Assert.False(await keys.FirstTimeAsync("discord:i:1"));
        Assert.True(await keys.FirstTimeAsync("discord:i:2"));
    }

    [Fact]
    public async Task FirstTimeAsync_KeySeenByAnotherInstance_False()
    {
        Assert.True(await store.NewHandledKeys(TimeProvider.System).FirstTimeAsync("signed:discord:i:77"));

        // A new instance has an empty memory, like a restarted (or second) process: only the store remembers.
        Assert.False(await store.NewHandledKeys(TimeProvider.System).FirstTimeAsync("signed:discord:i:77"));
    }

    [Fact]
    public async Task FirstTimeAsync_AfterRestart_StillFalse()
    {
        Assert.True(await store.NewHandledKeys(TimeProvider.System).FirstTimeAsync("signed:slack:http:T1.trigger"));

        await store.RestartAsync();

        Assert.False(await store.NewHandledKeys(TimeProvider.System).FirstTimeAsync("signed:slack:http:T1.trigger"));
    }
}
