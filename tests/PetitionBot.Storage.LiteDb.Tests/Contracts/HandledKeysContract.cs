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

    [Fact]
    public async Task FirstTimeAsync_BurstFromTwoInstancesAtOnce_EachKeyFirstExactlyOnce()
    {
        // A clock that does not move: however long the store takes under load, no answer falls back to memory.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TempStore.T0);
        var first = store.NewHandledKeys(clock);
        var second = store.NewHandledKeys(clock);
        var keys = Enumerable.Range(0, 100).Select(i => "signed:discord:i:burst" + i).ToList();

        // Every key offered four times at once: twice to each instance (a retry, and a delivery to the other process).
        var offers = keys.SelectMany(k => new[] { (first, k), (second, k), (first, k), (second, k) }).ToList();
        var answers = await Task.WhenAll(offers.Select(o => Task.Run(() => o.Item1.FirstTimeAsync(o.k))));

        var firsts = offers.Zip(answers).Where(x => x.Second).Select(x => x.First.k).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), firsts.Order(StringComparer.Ordinal));
    }
}
