using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbOutboxStoreTests : OutboxStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());

    [Fact]
    public async Task DueAsync_AnnouncementWrittenLaterWithAnEarlierTime_ComesAfterTheOneWrittenFirst()
    {
        using var store = new TempStore();
        var now = DateTimeOffset.UtcNow;
        var channels = Enumerable.Range(0, 3).Select(i => new ChannelRef(PlatformKind.Slack, "T" + i, "C" + i)).ToList();
        // Two signers crossed milestones 3 and 4 together: the one who crossed 4 committed second but was timed first.
        await store.Outbox.EnqueueAsync(Milestone(3, now.AddMilliseconds(-1)), channels);
        await store.Outbox.EnqueueAsync(Milestone(4, now.AddMilliseconds(-2)), channels);

        var due = await store.Outbox.DueAsync(now.AddSeconds(1), 100);

        Assert.Equal(["m3", "m3", "m3", "m4", "m4", "m4"], due.Select(d => d.AnnouncementId));
    }

    [Fact]
    public async Task DueAsync_AnnouncementAfterOneDatedAnHourAhead_DelayedAtMostTenSeconds()
    {
        using var store = new TempStore();
        var now = DateTimeOffset.UtcNow;
        var channels = new List<ChannelRef> { new(PlatformKind.Discord, "G1", "C1") };
        await store.Outbox.EnqueueAsync(Milestone(3, now.AddHours(1)), channels);
        await store.Outbox.EnqueueAsync(Milestone(4, now), channels);

        Assert.Empty(await store.Outbox.DueAsync(now + DeliveryOrder.MostShift - TimeSpan.FromSeconds(1), 10));
        Assert.Equal("m4", Assert.Single(await store.Outbox.DueAsync(now + DeliveryOrder.MostShift, 10)).AnnouncementId);
    }

    private static Announcement Milestone(int n, DateTimeOffset at) =>
        new("m" + n, TempStore.CampaignId, AnnouncementKind.CampaignMilestone, n, null, $"{n} signatures", $"The petition has {n} signatures.", at);
}
