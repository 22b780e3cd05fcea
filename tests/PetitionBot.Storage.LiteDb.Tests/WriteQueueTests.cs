using LiteDB;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The writes asked for while a transaction runs share the next one, up to <see cref="WriteQueue.MostPerTransaction"/>
/// (group commit); each caller still gets its own result once its transaction commits, and a write that fails fails
/// alone.</summary>
public sealed class WriteQueueTests
{
    [Fact]
    public async Task WriteAsync_TwoHundredWhileAWriteRuns_SixtyFourATransactionEachWithItsResult()
    {
        using var store = new TempStore();
        var notes = store.Context.Database.GetCollection<BsonDocument>("notes");

        var (writes, transactions) = await HeldWrite.WhileHeldAsync(store, () => Enumerable.Range(0, 200)
            .Select(i => store.Context.WriteAsync(() => notes.Insert(new BsonDocument { ["_id"] = i, ["n"] = i * 2 }).AsInt32))
            .ToList());

        Assert.Equal(Enumerable.Range(0, 200), writes.Select(w => w.Result));
        // The write that held the store, then 64 + 64 + 64 + 8.
        Assert.Equal(1 + 4, transactions);
        Assert.Equal(200, notes.Count());
    }

    [Fact]
    public async Task WriteAsync_OneOfTenThrowsAfterWriting_OnlyItFailsAndNothingOfItIsSaved()
    {
        using var store = new TempStore();
        var notes = store.Context.Database.GetCollection<BsonDocument>("notes");

        var (writes, _) = await HeldWrite.WhileHeldAsync(store, () => Enumerable.Range(0, 10)
            .Select(i => store.Context.WriteAsync(() =>
            {
                notes.Insert(new BsonDocument { ["_id"] = i });
                return i == 4 ? throw new InvalidOperationException("refused") : i;
            }))
            .ToList());

        var failed = Assert.Single(writes, w => w.IsFaulted);
        Assert.Equal("refused", Assert.IsType<InvalidOperationException>(failed.Exception!.InnerException).Message);
        Assert.Equal([0, 1, 2, 3, 5, 6, 7, 8, 9], notes.FindAll().Select(d => d["_id"].AsInt32).Order());
    }

    [Fact]
    public async Task AddAsync_SameSignerTwiceInOneTransaction_OneSignedOneAlreadySigned()
    {
        using var store = new TempStore();
        var signer = TempStore.Signature("7");

        var (adds, _) = await HeldWrite.WhileHeldAsync(store, () =>
            new[] { store.Signatures.AddAsync(signer, MilestonePlan.None), store.Signatures.AddAsync(signer, MilestonePlan.None) }.ToList());

        Assert.Equal([false, true], adds.Select(a => a.Result.Added).Order());
        Assert.Equal([1, 1], adds.Select(a => a.Result.CampaignTotal));
        Assert.Equal(1, (await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0)).Total);
    }

    [Fact]
    public async Task MarkDeliveredAsync_TwoHundredWhileAWriteRuns_FourTransactionsAndAllSaved()
    {
        using var store = new TempStore();
        var channels = Enumerable.Range(0, 200).Select(i => new ChannelRef(PlatformKind.Slack, "T0FAN", $"C{i:D4}")).ToList();
        await store.Outbox.EnqueueAsync(new Announcement("a1", TempStore.CampaignId, AnnouncementKind.ChapterUpdate, null, null, "Update", "Hello", TempStore.T0), channels);
        var items = await store.Outbox.DueAsync(TempStore.T0, 500);
        Assert.Equal(200, items.Count);

        var (_, transactions) = await HeldWrite.WhileHeldAsync(store, () => items.Select(i => store.Outbox.MarkDeliveredAsync(i.Id, TempStore.T0)).ToList());

        Assert.Equal(1 + 4, transactions);
        Assert.Equal(0, await store.Outbox.PendingCountAsync());
        Assert.All(await store.Outbox.ListForAnnouncementAsync("a1"), i => Assert.Equal(OutboxState.Delivered, i.State));
    }

    [Fact]
    public async Task WriteAsync_AfterTheStoreIsClosed_Refused()
    {
        var store = new TempStore();
        var context = store.Context;
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => context.WriteAsync(() => 1));
    }
}
