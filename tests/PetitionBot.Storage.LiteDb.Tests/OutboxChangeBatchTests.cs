using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The LiteDB outbox writes the status changes that arrive while a transaction runs in one transaction of their
/// own (group commit), and each change still completes only once it is saved.</summary>
public sealed class OutboxChangeBatchTests
{
    [Fact]
    public async Task MarkDeliveredAsync_TwoHundredWhileAWriteRuns_TwoTransactionsAndAllSaved()
    {
        using var store = new TempStore();
        var channels = Enumerable.Range(0, 200).Select(i => new ChannelRef(PlatformKind.Slack, "T0FAN", $"C{i:D4}")).ToList();
        await store.Outbox.EnqueueAsync(new Announcement("a1", TempStore.CampaignId, AnnouncementKind.ChapterUpdate, null, null, "Update", "Hello", TempStore.T0), channels);
        var items = await store.Outbox.DueAsync(TempStore.T0, 500);
        Assert.Equal(200, items.Count);

        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = Task.Run(() => store.Context.WriteAsync(() =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return 0;
        }));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)));
        var before = store.Context.WriteTransactions;

        var marks = items.Select(i => store.Outbox.MarkDeliveredAsync(i.Id, TempStore.T0)).ToList();
        Assert.DoesNotContain(marks, m => m.IsCompleted); // nothing is saved while the other write holds the store
        release.Set();
        await Task.WhenAll(marks);
        await blocker;

        // The blocker, the first change's own transaction (it was waiting for the gate), then the other 199 together.
        Assert.Equal(3, store.Context.WriteTransactions - before);
        Assert.Equal(0, await store.Outbox.PendingCountAsync());
        Assert.All(await store.Outbox.ListForAnnouncementAsync("a1"), i => Assert.Equal(OutboxState.Delivered, i.State));
    }
}
