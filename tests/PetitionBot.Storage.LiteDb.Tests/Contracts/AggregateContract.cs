using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>How the aggregates every store keeps in the signing transaction read back (hour slots of a day, every
/// breakdown after a removal); runs on LiteDB and on PostgreSQL.</summary>
public abstract class AggregateContract : StoreContract
{
    [Fact]
    public async Task GetStatsAsync_FirstAndLastHourOfADay_EveryHourCountedInItsSlot()
    {
        var day = new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
        await store.Signatures.AddAsync(TempStore.Signature("1", at: day.AddMinutes(5)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", at: day.AddMinutes(50)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3", at: day.AddHours(12)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("4", at: day.AddHours(23).AddMinutes(59)), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("5", at: day.AddHours(23)), MilestonePlan.None);

        var sameDay = await store.Signatures.GetStatsAsync(TempStore.CampaignId, day.AddHours(23).AddMinutes(30));
        var nextDay = await store.Signatures.GetStatsAsync(TempStore.CampaignId, day.AddHours(24).AddMinutes(30));
        var noon = await store.Signatures.GetStatsAsync(TempStore.CampaignId, day.AddHours(12));

        Assert.Equal((5, 5), (sameDay.Last24Hours, sameDay.ByDay.Single().Count));
        Assert.Equal(3, nextDay.Last24Hours); // 01:00 to 00:59 next day: the noon and the two 23:00 signatures
        Assert.Equal(3, noon.Last24Hours);
        Assert.True(await store.Signatures.RemoveAsync(TempStore.CampaignId, "discord:2"));
        Assert.Equal(2, (await store.Signatures.GetStatsAsync(TempStore.CampaignId, day.AddHours(12))).Last24Hours);
    }

    [Fact]
    public async Task RemoveAsync_SignedPerson_EveryBreakdownDropsWithIt()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", school: "Harvard Medical School", stage: "PGY1", platform: Core.Model.PlatformKind.Slack), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", name: null, verification: Verification.RoleVerified), MilestonePlan.None);

        Assert.True(await store.Signatures.RemoveAsync(TempStore.CampaignId, "slack:9000:1"));

        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);
        Assert.Equal([("other:ucsf school of medicine", 1)], stats.BySchool.Select(s => (s.Key, s.Count)));
        Assert.Equal([("MS2", 1)], stats.ByStage.Select(s => (s.Key, s.Count)));
        Assert.Equal([("Discord", 1)], stats.ByPlatform.Select(s => (s.Key, s.Count)));
        Assert.Equal([("RoleVerified", 1)], stats.ByVerification.Select(s => (s.Key, s.Count)));
        Assert.Equal([("other:ucsf school of medicine|RoleVerified", 1)], stats.BySchoolVerification.Select(s => (s.Key, s.Count)));
    }
}
