namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>Runs calls while another write holds the store: what waits for it, and what it then writes.</summary>
public static class HeldWrite
{
    /// <summary>Starts <paramref name="start"/>'s calls while another write holds the store, checks (after
    /// <paramref name="settle"/>) that none of them has ended, lets the other write finish, and returns the calls (all
    /// ended) with the write transactions committed from the other write on.</summary>
    public static async Task<(List<T> Calls, long Transactions)> WhileHeldAsync<T>(TempStore store, Func<List<T>> start, TimeSpan settle = default)
        where T : Task
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var before = store.Context.WriteTransactions;
        var other = Task.Run(() => store.Context.WriteAsync(() =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return 0;
        }));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)), "the other write never started");
        List<T> calls;
        try
        {
            calls = start();
            await Task.Delay(settle);
            Assert.DoesNotContain(calls, c => c.IsCompleted); // nothing is saved while the other write holds the store
        }
        finally
        {
            release.Set();
            await other;
        }

        await Task.WhenAll(calls).ContinueWith(_ => { }, TaskScheduler.Default);
        return (calls, store.Context.WriteTransactions - before);
    }
}
