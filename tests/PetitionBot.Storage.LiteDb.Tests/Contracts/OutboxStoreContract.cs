using PetitionBot.Core.Announcements;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The contract every store keeps; runs on LiteDB and on PostgreSQL.</summary>
public abstract class OutboxStoreContract : StoreContract
{
    private static readonly ChannelRef[] Channels =
    [
        new(PlatformKind.Discord, "1", "11"),
        new(PlatformKind.Discord, "2", "22"),
        new(PlatformKind.Slack, "T3", "C33"),
    ];

    [Fact]
    public async Task EnqueueAsync_ThreeChannels_ThreeDueDeliveries()
    {
        var a = await EnqueueAsync("a1");

        var due = await store.Outbox.DueAsync(TempStore.T0, 10);

        Assert.Equal(3, due.Count);
        Assert.All(due, d => Assert.Equal((a.Id, OutboxState.Pending, 0), (d.AnnouncementId, d.State, d.Attempts)));
        Assert.Equal(Channels.ToHashSet(), due.Select(d => d.Channel).ToHashSet());
        Assert.All(due, d => Assert.InRange(d.Id.Length, 1, 25));
        Assert.Equal(3, await store.Outbox.PendingCountAsync());
        Assert.Empty(await store.Outbox.DueAsync(TempStore.T0.AddSeconds(-1), 10));
        Assert.Equal(2, (await store.Outbox.DueAsync(TempStore.T0, 2)).Count);
    }

    [Fact]
    public async Task EnqueueAsync_SameIdTwice_SecondSaysSoAndWritesNothing()
    {
        var a = new Announcement("delivered-x", TempStore.CampaignId, AnnouncementKind.PetitionDelivered, null, null, "Petition delivered", "first", TempStore.T0);

        var first = await store.Outbox.EnqueueAsync(a, Channels);
        var second = await store.Outbox.EnqueueAsync(a with { Text = "second" }, Channels);

        Assert.Equal((true, false), (first, second));
        Assert.Equal(3, await store.Outbox.PendingCountAsync());
        Assert.Equal("first", (await store.Outbox.FindAnnouncementAsync("delivered-x"))!.Text);
    }

    [Fact]
    public async Task MarkDeliveredAsync_Item_NeverDueAgain()
    {
        await EnqueueAsync("a1");
        var item = (await store.Outbox.DueAsync(TempStore.T0, 10))[0];

        await store.Outbox.MarkDeliveredAsync(item.Id, TempStore.T0);

        Assert.DoesNotContain(await store.Outbox.DueAsync(TempStore.T0.AddYears(1), 10), d => d.Id == item.Id);
        Assert.Equal(2, await store.Outbox.PendingCountAsync());
        var stored = (await store.Outbox.ListForAnnouncementAsync("a1")).Single(d => d.Id == item.Id);
        Assert.Equal((OutboxState.Delivered, 1), (stored.State, stored.Attempts));
        await store.Outbox.RetryLaterAsync(item.Id, TempStore.T0, "late retry");
        Assert.DoesNotContain(await store.Outbox.DueAsync(TempStore.T0.AddYears(1), 10), d => d.Id == item.Id);
    }

    [Fact]
    public async Task RetryLaterAsync_Item_DueAgainOnlyAfterNextAttempt()
    {
        await EnqueueAsync("a1");
        var item = (await store.Outbox.DueAsync(TempStore.T0, 10))[0];

        await store.Outbox.RetryLaterAsync(item.Id, TempStore.T0.AddMinutes(5), "rate limited");

        Assert.DoesNotContain(await store.Outbox.DueAsync(TempStore.T0.AddMinutes(4), 10), d => d.Id == item.Id);
        var again = Assert.Single(await store.Outbox.DueAsync(TempStore.T0.AddMinutes(5), 10), d => d.Id == item.Id);
        Assert.Equal((OutboxState.Pending, 1, "rate limited"), (again.State, again.Attempts, again.LastError));
        Assert.Equal(3, await store.Outbox.PendingCountAsync());
    }

    [Fact]
    public async Task MarkFailedAsync_Item_NotDueAndNotPending()
    {
        await EnqueueAsync("a1");
        var item = (await store.Outbox.DueAsync(TempStore.T0, 10))[0];

        await store.Outbox.MarkFailedAsync(item.Id, "forbidden");

        Assert.DoesNotContain(await store.Outbox.DueAsync(TempStore.T0.AddYears(1), 10), d => d.Id == item.Id);
        Assert.Equal(2, await store.Outbox.PendingCountAsync());
        var stored = (await store.Outbox.ListForAnnouncementAsync("a1")).Single(d => d.Id == item.Id);
        Assert.Equal((OutboxState.Failed, "forbidden"), (stored.State, stored.LastError));
    }

    [Fact]
    public async Task DueAsync_AfterRestart_ReturnsTheSamePendingItems()
    {
        await EnqueueAsync("a1");
        var first = (await store.Outbox.DueAsync(TempStore.T0, 10))[0];
        await store.Outbox.MarkDeliveredAsync(first.Id, TempStore.T0);

        var outbox = await store.RestartAsync();

        var due = await outbox.DueAsync(TempStore.T0, 10);
        Assert.Equal(2, due.Count);
        Assert.DoesNotContain(due, d => d.Id == first.Id);
    }

    [Fact]
    public async Task AddAsync_ChannelSetBetweenTwoMilestones_SecondOneGoesThereToo()
    {
        await store.RegisterServerAsync("7001", "701");
        var first = (await store.Signatures.AddAsync(TempStore.Signature("1"), new MilestonePlan([1, 2], []))).Announcements.Single();
        Assert.Equal(["701"], (await store.Outbox.ListForAnnouncementAsync(first.Id)).Select(d => d.Channel.ChannelId));

        await store.RegisterServerAsync("7002", "702");
        var second = (await store.Signatures.AddAsync(TempStore.Signature("2"), new MilestonePlan([1, 2], []))).Announcements.Single();

        Assert.Equal(["701", "702"], (await store.Outbox.ListForAnnouncementAsync(second.Id)).Select(d => d.Channel.ChannelId).Order());
    }

    [Fact]
    public async Task SetTextAsync_Twice_KeepsTheFirstText()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1"), new MilestonePlan([1], []));
        var announcement = (await store.Outbox.DueAsync(TempStore.T0, 10)).Count == 0
            ? null
            : await store.Outbox.FindAnnouncementAsync((await store.Outbox.DueAsync(TempStore.T0, 10))[0].AnnouncementId);
        Assert.Null(announcement);

        var a = (await store.Signatures.AddAsync(TempStore.Signature("2"), new MilestonePlan([2], []))).Announcements[0];
        Assert.Null((await store.Outbox.FindAnnouncementAsync(a.Id))!.Text);

        await store.Outbox.SetTextAsync(a.Id, "2 signatures!", "first");
        await store.Outbox.SetTextAsync(a.Id, "other", "second");

        var stored = await store.Outbox.FindAnnouncementAsync(a.Id);
        Assert.Equal(("2 signatures!", "first"), (stored!.Title, stored.Text));
        Assert.Null(await store.Outbox.FindAnnouncementAsync("missing"));
    }

    [Fact]
    public async Task PurgeTextAsync_OldDoneRecentAndPending_BlanksOnlyOldWithEveryDeliveryDone()
    {
        await EnqueueAsync("done", TempStore.T0.AddDays(-40));
        await EnqueueAsync("pending", TempStore.T0.AddDays(-40));
        await EnqueueAsync("recent", TempStore.T0.AddDays(-1));
        foreach (var id in new[] { "done", "recent" })
        {
            var items = await store.Outbox.ListForAnnouncementAsync(id);
            await store.Outbox.MarkDeliveredAsync(items[0].Id, TempStore.T0);
            await store.Outbox.MarkDeliveredAsync(items[1].Id, TempStore.T0);
            await store.Outbox.MarkFailedAsync(items[2].Id, "gone");
        }

        Assert.Equal(1, await store.Outbox.PurgeTextAsync(TempStore.T0.AddDays(-30)));

        var done = await store.Outbox.FindAnnouncementAsync("done");
        Assert.Equal((null, Announcement.RemovedText), (done!.Title, done.Text));
        Assert.Equal("Hello", (await store.Outbox.FindAnnouncementAsync("pending"))!.Text);
        Assert.Equal("Hello", (await store.Outbox.FindAnnouncementAsync("recent"))!.Text);
        Assert.Equal(3, (await store.Outbox.ListForAnnouncementAsync("done")).Count);
        Assert.DoesNotContain(await store.Outbox.DueAsync(TempStore.T0.AddYears(1), 10), i => i.AnnouncementId != "pending");
        Assert.DoesNotContain("Secret plan from the leader", (await store.StoredValuesAsync())["announcements"], StringComparison.Ordinal);
        await store.Outbox.SetTextAsync("done", "again", "again");
        Assert.Equal(Announcement.RemovedText, (await store.Outbox.FindAnnouncementAsync("done"))!.Text);
        Assert.Equal(0, await store.Outbox.PurgeTextAsync(TempStore.T0.AddDays(-30)));
    }

    [Fact]
    public async Task NextDueAsync_PendingRetriedAndDoneItems_EarliestPendingTime()
    {
        Assert.Null(await store.Outbox.NextDueAsync());
        await EnqueueAsync("a1");
        Assert.Equal(TempStore.T0, await store.Outbox.NextDueAsync());
        var items = await store.Outbox.DueAsync(TempStore.T0, 10);

        await store.Outbox.RetryLaterAsync(items[0].Id, TempStore.T0.AddMinutes(5), "rate limited");
        await store.Outbox.RetryLaterAsync(items[1].Id, TempStore.T0.AddMinutes(2), "rate limited");
        await store.Outbox.MarkDeliveredAsync(items[2].Id, TempStore.T0);
        Assert.Equal(TempStore.T0.AddMinutes(2), await store.Outbox.NextDueAsync());

        await store.Outbox.MarkFailedAsync(items[1].Id, "gave up");
        Assert.Equal(TempStore.T0.AddMinutes(5), await store.Outbox.NextDueAsync());
        await store.Outbox.MarkDeliveredAsync(items[0].Id, TempStore.T0.AddMinutes(5));
        Assert.Null(await store.Outbox.NextDueAsync());
    }

    [Fact]
    public async Task SignaturesAddAsync_MilestoneWithCampaignDefinition_AnnouncementStoredWithItsText()
    {
        await store.RegisterServerAsync("1", "11");
        var campaign = new CampaignDefinition { Id = TempStore.CampaignId, Title = "Protect sensitive areas", Goal = 100, ExternalUrl = "https://example.org/p" };
        var plan = new MilestonePlan([2], [], campaign);
        Assert.Empty((await store.Signatures.AddAsync(TempStore.Signature("1"), plan)).Announcements);

        var outcome = await store.Signatures.AddAsync(TempStore.Signature("2"), plan);

        var made = Assert.Single(outcome.Announcements);
        Assert.Equal("The petition passed 2 signatures!", made.Title);
        Assert.StartsWith("\"Protect sensitive areas\" passed 2 signatures and now has 2, 2% of the 100 goal.", made.Text, StringComparison.Ordinal);
        var stored = await store.Outbox.FindAnnouncementAsync(made.Id);
        Assert.Equal((made.Title, made.Text), (stored!.Title, stored.Text));
        Assert.Single(await store.Outbox.ListForAnnouncementAsync(made.Id));
    }

    [Fact]
    public async Task SignaturesAddAsync_SchoolFirstSeenAfterAnEarlierMilestone_CountedInTheLaterMilestonesWords()
    {
        await store.RegisterServerAsync("1", "11");
        var campaign = new CampaignDefinition { Id = TempStore.CampaignId, Title = "Protect sensitive areas", Goal = 100, ExternalUrl = "https://example.org/p" };
        var plan = new MilestonePlan([5, 15], [], campaign);
        for (var i = 0; i < 5; i++)
        {
            await store.Signatures.AddAsync(TempStore.Signature("a" + i, school: "Alpha School of Medicine"), plan);
        }

        for (var i = 0; i < 9; i++)
        {
            await store.Signatures.AddAsync(TempStore.Signature("b" + i, school: "Beta School of Medicine"), plan);
        }

        var outcome = await store.Signatures.AddAsync(TempStore.Signature("b9", school: "Beta School of Medicine"), plan);

        var made = Assert.Single(outcome.Announcements);
        Assert.Contains("From 2 schools", made.Text, StringComparison.Ordinal);
        Assert.Contains("Leading schools: Beta School of Medicine (10), Alpha School of Medicine (5).", made.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DueAsync_AnnouncementWrittenLaterWithAnEarlierTime_ComesAfterTheOneWrittenFirst()
    {
        // Two signers crossed milestones 3 and 4 together: the one who crossed 4 committed second but was timed first.
        await store.Outbox.EnqueueAsync(Milestone(3, TempStore.T0.AddMilliseconds(-1)), Channels);
        await store.Outbox.EnqueueAsync(Milestone(4, TempStore.T0.AddMilliseconds(-2)), Channels);

        var due = await store.Outbox.DueAsync(TempStore.T0.AddSeconds(1), 100);

        Assert.Equal(["m3", "m3", "m3", "m4", "m4", "m4"], due.Select(d => d.AnnouncementId));
    }

    [Fact]
    public async Task DueAsync_AnnouncementAfterOneDatedAnHourAhead_DelayedAtMostTenSeconds()
    {
        await store.Outbox.EnqueueAsync(Milestone(3, TempStore.T0.AddHours(1)), Channels[..1]);
        await store.Outbox.EnqueueAsync(Milestone(4, TempStore.T0), Channels[..1]);

        Assert.Empty(await store.Outbox.DueAsync(TempStore.T0 + AnnouncementOrder.MostShift - TimeSpan.FromSeconds(1), 10));
        Assert.Equal("m4", Assert.Single(await store.Outbox.DueAsync(TempStore.T0 + AnnouncementOrder.MostShift, 10)).AnnouncementId);
    }

    private static Announcement Milestone(int n, DateTimeOffset at) =>
        new("m" + n, TempStore.CampaignId, AnnouncementKind.CampaignMilestone, n, null, $"{n} signatures", $"The petition has {n} signatures.", at);

    private async Task<Announcement> EnqueueAsync(string id, DateTimeOffset createdAt)
    {
        var a = new Announcement(id, TempStore.CampaignId, AnnouncementKind.ChapterUpdate, null, null, "Update",
            id == "done" ? "Secret plan from the leader" : "Hello", createdAt);
        await store.Outbox.EnqueueAsync(a, Channels);
        return a;
    }

    private async Task<Announcement> EnqueueAsync(string id)
    {
        var a = new Announcement(id, TempStore.CampaignId, AnnouncementKind.ChapterUpdate, null, null, "Update", "Hello", TempStore.T0);
        await store.Outbox.EnqueueAsync(a, Channels);
        return a;
    }
}
