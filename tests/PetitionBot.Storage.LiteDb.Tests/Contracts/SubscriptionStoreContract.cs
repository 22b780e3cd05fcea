using System.Text;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The contract every store keeps for notification opt-ins; runs on LiteDB and on PostgreSQL.</summary>
public abstract class SubscriptionStoreContract : StoreContract
{
    private const string UserA = "612345678901234567";
    private const string UserB = "612345678901234568";

    [Fact]
    public async Task AddAsync_SameSignerTwice_StoredOnceAndShownToThatSignerOnly()
    {
        var first = await store.Subscriptions.AddAsync(Sub(UserA));
        var again = await store.Subscriptions.AddAsync(Sub(UserA));
        await store.Subscriptions.AddAsync(Sub(UserB));

        Assert.True(first);
        Assert.False(again);
        var mine = Assert.Single(await store.Subscriptions.FindAllAsync("discord:" + UserA));
        Assert.Equal((TempStore.CampaignId, PlatformKind.Discord, TempStore.T0, TempStore.T0.AddDays(60)),
            (mine.CampaignId, mine.Platform, mine.CreatedAt, mine.ExpiresAt));
        Assert.Empty(await store.Subscriptions.FindAllAsync("discord:999"));
    }

    [Fact]
    public async Task RecipientAsync_StoredSubscription_GivesBackTheUserIdDecrypted()
    {
        await store.Subscriptions.AddAsync(Sub("U0SLACK1", PlatformKind.Slack, "T0TEAM", noExpiry: true));
        var id = Assert.Single(await store.Subscriptions.FindAllAsync("slack:T0TEAM:U0SLACK1")).Id;

        var recipient = await store.Subscriptions.RecipientAsync(id);

        Assert.Equal(new DirectRecipient(id, PlatformKind.Slack, "T0TEAM", "U0SLACK1"), recipient);
        Assert.Null(await store.Subscriptions.RecipientAsync("nosuchid"));
    }

    [Fact]
    public async Task StoredBytes_AfterOptIn_UserIdAndIdentityNeverInClear()
    {
        await store.Subscriptions.AddAsync(Sub(UserA));
        await store.FlushAsync();

        var bytes = await store.StoredBytesAsync();

        Assert.NotEmpty(bytes);
        foreach (var secret in new[] { UserA, "discord:" + UserA, store.Keys.Hash("discord:" + UserA) })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }
    }

    [Fact]
    public async Task NotifyAsync_TwoSubscribers_OneSpacedDeliveryEachAndNothingTheSecondTime()
    {
        await store.Subscriptions.AddAsync(Sub(UserA));
        await store.Subscriptions.AddAsync(Sub(UserB, at: TempStore.T0.AddMinutes(1)));
        await store.Subscriptions.AddAsync(Sub(UserA) with { CampaignId = "other" });
        var ids = new List<string>();
        foreach (var user in new[] { UserA, UserB })
        {
            ids.Add((await store.Subscriptions.FindAllAsync("discord:" + user)).First(s => s.CampaignId == TempStore.CampaignId).Id);
        }

        var count = await store.Subscriptions.NotifyAsync(Notice("n1"), "k|delivered", TimeSpan.FromSeconds(2));
        var again = await store.Subscriptions.NotifyAsync(Notice("n2"), "k|delivered", TimeSpan.FromSeconds(2));

        Assert.Equal(2, count);
        Assert.Null(again);
        var items = (await store.Outbox.ListForAnnouncementAsync("n1")).OrderBy(i => i.NextAttemptAt).ToList();
        Assert.Equal(ids.Select(id => "dm:" + id), items.Select(i => i.Channel.ChannelId));
        Assert.Equal([TempStore.T0, TempStore.T0.AddSeconds(2)], items.Select(i => i.NextAttemptAt));
        Assert.All(items, i => Assert.Equal(OutboxState.Pending, i.State));
        Assert.Empty(await store.Outbox.ListForAnnouncementAsync("n2"));
        Assert.Equal(AnnouncementKind.SignerNotice, (await store.Outbox.FindAnnouncementAsync("n1"))!.Kind);
    }

    [Fact]
    public async Task RemoveAsync_AndRemoveAll_DeleteOnlyThatSignersOptIns()
    {
        await store.Subscriptions.AddAsync(Sub(UserA));
        await store.Subscriptions.AddAsync(Sub(UserA) with { CampaignId = "other" });
        await store.Subscriptions.AddAsync(Sub(UserB));

        Assert.True(await store.Subscriptions.RemoveAsync(TempStore.CampaignId, "discord:" + UserA));
        Assert.False(await store.Subscriptions.RemoveAsync(TempStore.CampaignId, "discord:" + UserA));
        Assert.Equal("other", Assert.Single(await store.Subscriptions.FindAllAsync("discord:" + UserA)).CampaignId);
        Assert.Equal(1, await store.Subscriptions.RemoveAllAsync("discord:" + UserA));
        Assert.Empty(await store.Subscriptions.FindAllAsync("discord:" + UserA));
        Assert.Single(await store.Subscriptions.FindAllAsync("discord:" + UserB));
        Assert.Equal(1, await store.Subscriptions.NotifyAsync(Notice("n1"), "k|r1", TimeSpan.Zero));
    }

    [Fact]
    public async Task DropAsync_BlockedUser_GoneAndNoLongerResolved()
    {
        await store.Subscriptions.AddAsync(Sub(UserA));
        var id = Assert.Single(await store.Subscriptions.FindAllAsync("discord:" + UserA)).Id;

        Assert.True(await store.Subscriptions.DropAsync(id));
        Assert.False(await store.Subscriptions.DropAsync(id));
        Assert.Null(await store.Subscriptions.RecipientAsync(id));
    }

    [Fact]
    public async Task PurgeAsync_ExpiredOrCampaignEnded_DeletedOthersKept()
    {
        await store.Subscriptions.AddAsync(Sub(UserA, expires: TempStore.T0.AddDays(30)));
        await store.Subscriptions.AddAsync(Sub(UserB, expires: TempStore.T0.AddDays(31)));
        await store.Subscriptions.AddAsync(Sub(UserA, noExpiry: true) with { CampaignId = "ended" });
        await store.Subscriptions.AddAsync(Sub(UserB, noExpiry: true) with { CampaignId = "open" });

        Assert.Equal(0, await store.Subscriptions.PurgeAsync(TempStore.T0.AddDays(30).AddTicks(-1), []));
        var purged = await store.Subscriptions.PurgeAsync(TempStore.T0.AddDays(30), ["ended"]);

        Assert.Equal(2, purged);
        Assert.Empty(await store.Subscriptions.FindAllAsync("discord:" + UserA));
        Assert.Equal(["sensitive-areas", "open"], (await store.Subscriptions.FindAllAsync("discord:" + UserB)).Select(s => s.CampaignId).Order().Reverse());
    }

    private static NewSubscription Sub(string userId, PlatformKind platform = PlatformKind.Discord, string serverId = "9000",
        DateTimeOffset? at = null, DateTimeOffset? expires = null, bool noExpiry = false)
    {
        var identity = platform == PlatformKind.Slack ? $"slack:{serverId}:{userId}" : $"discord:{userId}";
        return new NewSubscription(TempStore.CampaignId, identity, platform, serverId, userId, at ?? TempStore.T0,
            noExpiry ? null : expires ?? TempStore.T0.AddDays(60));
    }

    private static Announcement Notice(string id) =>
        new(id, TempStore.CampaignId, AnnouncementKind.SignerNotice, null, null, "Campaign", "AAMC responded.", TempStore.T0);
}
