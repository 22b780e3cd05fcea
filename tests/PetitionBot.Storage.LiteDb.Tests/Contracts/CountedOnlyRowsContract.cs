using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>Counted-only rows keep the UTC date only and no server id (issue 13, item 11); runs on LiteDB and PostgreSQL.</summary>
public abstract class CountedOnlyRowsContract : StoreContract
{
    [Fact]
    public async Task AddAsync_CountedOnly_RowKeepsDateOnlyAndNoServerIdHoursStayInAggregates()
    {
        var at = new DateTimeOffset(2026, 3, 10, 13, 37, 12, 345, TimeSpan.Zero);
        await store.Signatures.AddAsync(TempStore.Signature("1", name: null, serverId: "424242", at: at), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", serverId: "515151", at: at), MilestonePlan.None);

        var stored = (await store.StoredValuesAsync())["signatures"];
        var countedOnly = (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"))!;
        var named = (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:2"))!;

        Assert.DoesNotContain("424242", stored, StringComparison.Ordinal);
        Assert.Contains("515151", stored, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), countedOnly.SignedAt);
        Assert.Equal("", countedOnly.ServerId);
        Assert.Equal((at, "515151"), (named.SignedAt, named.ServerId));
        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, at.AddHours(22));
        Assert.Equal((2, 2), (stats.Total, stats.Last24Hours));
        Assert.Equal(0, (await store.Signatures.GetStatsAsync(TempStore.CampaignId, at.AddHours(25))).Last24Hours);
    }

    /// <summary>The time an id of this store carries (an ObjectId's second, a version 7 UUID's millisecond).</summary>
    protected abstract DateTimeOffset TimeIn(string id);

    [Fact]
    public async Task AddAsync_CountedOnly_IdCarriesTheDateOnly()
    {
        var morning = new DateTimeOffset(2026, 3, 10, 8, 5, 1, 250, TimeSpan.Zero);
        await store.Signatures.AddAsync(TempStore.Signature("1", name: null, at: morning), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", name: null, at: morning.AddHours(13).AddMinutes(7)), MilestonePlan.None);

        var first = (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"))!;
        var second = (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:2"))!;

        var midnight = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal((midnight, midnight), (TimeIn(first.Id), TimeIn(second.Id)));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task RemoveAsync_CountedOnlyDateOnlyRow_EveryAggregateIncludingHoursDrops()
    {
        var at = new DateTimeOffset(2026, 3, 10, 13, 37, 0, TimeSpan.Zero);
        await store.Signatures.AddAsync(TempStore.Signature("1", name: null, at: at), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", name: null, at: at.AddHours(-10)), MilestonePlan.None);

        Assert.True(await store.Signatures.RemoveAsync(TempStore.CampaignId, "discord:1"));
        Assert.True(await store.Signatures.RemoveAsync(TempStore.CampaignId, "discord:2"));

        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, at);
        Assert.Equal((0, 0, 0), (stats.Total, stats.Last24Hours, stats.Last7Days));
        Assert.DoesNotContain(stats.ByDay, d => d.Count > 0);
    }

    [Fact]
    public async Task InvalidateAsync_SpamServerCountedOnlySameDay_RemovedOtherServersAndDaysKept()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", name: null, serverId: "spam", at: TempStore.T0.AddHours(3)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", name: null, serverId: "good", at: TempStore.T0.AddHours(3)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3", name: null, serverId: "spam", at: TempStore.T0.AddDays(2)), MilestonePlan.None);

        var removed = await store.Signatures.InvalidateAsync(TempStore.CampaignId, new ServerRef(PlatformKind.Discord, "spam"),
            TempStore.T0.AddHours(2), TempStore.T0.AddHours(4));

        Assert.Equal(1, removed);
        Assert.Null(await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"));
        Assert.NotNull(await store.Signatures.FindAsync(TempStore.CampaignId, "discord:2"));
        Assert.NotNull(await store.Signatures.FindAsync(TempStore.CampaignId, "discord:3"));
        Assert.Equal(1, await store.Signatures.InvalidateAsync(TempStore.CampaignId, new ServerRef(PlatformKind.Discord, "spam"), null, null));
    }
}
