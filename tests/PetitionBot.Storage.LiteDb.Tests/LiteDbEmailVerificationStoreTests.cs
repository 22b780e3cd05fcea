using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>Verified addresses in the store: one signature per address and campaign across platforms, found and removed
/// by the address, kept only as a keyed hash and a domain; send counters over a sliding hour.</summary>
public sealed class LiteDbEmailVerificationStoreTests : IDisposable
{
    private const string Address = "jane.doe@med.example.edu";

    private readonly TempStore store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task AddAsync_SameAddressFromSlackAfterDiscord_NotAddedReturnsDiscordSignature()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);

        var second = await store.Signatures.AddAsync(
            Verified("U2", Address, PlatformKind.Slack, TempStore.T0.AddDays(2)), MilestonePlan.None);

        Assert.False(second.Added);
        Assert.Equal(PlatformKind.Discord, second.Signature.Platform);
        Assert.Equal(TempStore.T0, second.Signature.SignedAt);
        Assert.Equal(1, second.CampaignTotal);
        Assert.Null(await store.Signatures.FindAsync(TempStore.CampaignId, "slack:9000:U2"));
        Assert.Equal(1, (await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0)).Total);
    }

    [Fact]
    public async Task AddAsync_SameAddressOtherCaseAndSpaces_NotAdded()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);

        var second = await store.Signatures.AddAsync(Verified("2", "  Jane.Doe@MED.example.edu "), MilestonePlan.None);

        Assert.False(second.Added);
    }

    [Fact]
    public async Task AddAsync_SameAddressOtherCampaign_Added()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);

        var other = await store.Signatures.AddAsync(Verified("1", Address) with { CampaignId = "other-campaign" }, MilestonePlan.None);

        Assert.True(other.Added);
        Assert.Equal(2, (await store.Emails.FindAllByEmailAsync(Address)).Count);
    }

    [Fact]
    public async Task AddAsync_SignaturesWithoutAddressBesideVerifiedOne_AllAdded()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);

        var plain = await Task.WhenAll(Enumerable.Range(2, 5).Select(i => store.Signatures.AddAsync(TempStore.Signature($"{i}"), MilestonePlan.None)));

        Assert.All(plain, o => Assert.True(o.Added));
        Assert.All(plain, o => Assert.Null(o.Signature.EmailDomain));
        Assert.Equal(6, (await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0)).Total);
    }

    [Fact]
    public async Task FindByEmailAsync_Verified_ReturnsSignatureWithDomainOnly()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);

        var found = await store.Emails.FindByEmailAsync(TempStore.CampaignId, "JANE.DOE@med.example.edu");

        Assert.NotNull(found);
        Assert.Equal(Verification.SchoolEmail, found.Verification);
        Assert.Equal("med.example.edu", found.EmailDomain);
        Assert.Equal(found, await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"));
        Assert.Null(await store.Emails.FindByEmailAsync(TempStore.CampaignId, "john@med.example.edu"));
        Assert.Null(await store.Emails.FindByEmailAsync("other-campaign", Address));
    }

    [Fact]
    public async Task RemoveByEmailAsync_Verified_AggregatesBackToBeforeAndAddressFreeAgain()
    {
        await store.Signatures.AddAsync(TempStore.Signature("7"), MilestonePlan.None);
        var before = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);

        var removed = await store.Emails.RemoveByEmailAsync(TempStore.CampaignId, Address);

        Assert.True(removed);
        var after = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);
        Assert.Equal(Shape(before), Shape(after));
        Assert.Null(await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"));
        Assert.False(await store.Emails.RemoveByEmailAsync(TempStore.CampaignId, Address));
        Assert.True((await store.Signatures.AddAsync(Verified("U2", Address, PlatformKind.Slack), MilestonePlan.None)).Added);
    }

    [Fact]
    public async Task RemoveAsync_VerifiedSignature_AddressFreeAgain()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);

        await store.Signatures.RemoveAsync(TempStore.CampaignId, "discord:1");

        Assert.Null(await store.Emails.FindByEmailAsync(TempStore.CampaignId, Address));
        Assert.True((await store.Signatures.AddAsync(Verified("U2", Address, PlatformKind.Slack), MilestonePlan.None)).Added);
    }

    [Fact]
    public async Task GetStatsAsync_MixedMethods_CountsByVerificationOverallAndPerSchool()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);
        await store.Signatures.AddAsync(Verified("2", "sam@med.example.edu"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3") with { Verification = Verification.RoleVerified }, MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("4", school: "Harvard Medical School"), MilestonePlan.None);

        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);

        Assert.Equal(
            [("RoleVerified", 1), ("SchoolEmail", 2), ("SelfAttested", 1)],
            stats.ByVerification.Select(r => (r.Key, r.Count)).Order());
        Assert.Equal(
            [("harvard medical school|SelfAttested", 1), ("ucsf school of medicine|RoleVerified", 1), ("ucsf school of medicine|SchoolEmail", 2)],
            stats.BySchoolVerification.Select(r => (r.Key, r.Count)).Order());
    }

    [Fact]
    public async Task TryCountSendAsync_ThreeSendsInHour_FourthRefusedForPersonAndForAddress()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(i), 3));
        }

        Assert.False(await store.Emails.TryCountSendAsync("discord:1", "other@med.example.edu", TempStore.T0.AddMinutes(5), 3));
        Assert.False(await store.Emails.TryCountSendAsync("slack:T1:U2", Address, TempStore.T0.AddMinutes(5), 3));
        Assert.True(await store.Emails.TryCountSendAsync("slack:T1:U2", "other@med.example.edu", TempStore.T0.AddMinutes(5), 3));
    }

    [Fact]
    public async Task TryCountSendAsync_HourAfterFirstSend_AllowedAgainAndOldEntriesPurged()
    {
        for (var i = 0; i < 3; i++)
        {
            await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(i * 10), 3);
        }

        Assert.False(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(59), 3));
        Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(60), 3));
        Assert.Equal(3, store.Context.EmailSends.Count());
        Assert.True(await store.Emails.TryCountSendAsync("discord:9", "x@y.edu", TempStore.T0.AddHours(3), 3));
        Assert.Equal(1, store.Context.EmailSends.Count());
    }

    [Fact]
    public async Task FileBytes_VerifiedSignerAndSends_NeverContainTheAddress()
    {
        await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0, 3);
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);
        await store.Signatures.AddAsync(Verified("U2", "Jane.Doe@Med.Example.edu", PlatformKind.Slack), MilestonePlan.None);

        var bytes = store.CloseAndReadFiles();

        Assert.False(TempStore.Contains(bytes, Address));
        Assert.False(TempStore.Contains(bytes, "Jane.Doe"));
        Assert.False(TempStore.Contains(bytes, "jane.doe"));
        Assert.True(TempStore.Contains(bytes, "med.example.edu"));
    }

    [Fact]
    public async Task Open_SignaturesSavedBeforeEmailVerification_GetDistinctEmailKeysAndStillSign()
    {
        var first = new TempStore();
        try
        {
            await first.Signatures.AddAsync(TempStore.Signature("1"), MilestonePlan.None);
            await first.Signatures.AddAsync(TempStore.Signature("2"), MilestonePlan.None);
            var raw = first.Context.Database.GetCollection("signatures");
            raw.DropIndex("EmailKey");
            foreach (var doc in raw.FindAll().ToList())
            {
                doc.Remove("EmailKey");
                raw.Update(doc);
            }

            // As a file from before verification counts: no counts by method.
            var counters = first.Context.Database.GetCollection("campaign_counters");
            foreach (var doc in counters.FindAll().ToList())
            {
                doc.Remove("ByVerification");
                counters.Update(doc);
            }

            first.Context.Database.GetCollection("counters").DeleteMany("$.Group = 'sensitive-areas|school-verification'");

            first.Context.Checkpoint();
            first.Context.Dispose();

            using var reopened = new LiteDbContext(first.Options);
            var signatures = new LiteDbSignatureStore(reopened);
            Assert.True((await signatures.AddAsync(TempStore.Signature("3"), MilestonePlan.None)).Added);
            Assert.True((await signatures.AddAsync(Verified("4", Address), MilestonePlan.None)).Added);
            Assert.False((await signatures.AddAsync(Verified("5", Address), MilestonePlan.None)).Added);
            var stats = await signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);
            Assert.Equal(4, stats.Total);
            Assert.Equal([("SchoolEmail", 1), ("SelfAttested", 3)], stats.ByVerification.Select(r => (r.Key, r.Count)).Order());
            Assert.Equal(4, stats.BySchoolVerification.Sum(r => r.Count));
        }
        finally
        {
            first.Dispose();
        }
    }

    [Fact]
    public void HashEmail_SameAddress_DiffersFromIdentityHashAndAcrossKeys()
    {
        var keys = TempStore.RandomKeys();

        Assert.Equal(keys.HashEmail(Address), keys.HashEmail(Address));
        Assert.NotEqual(keys.Hash(Address), keys.HashEmail(Address));
        Assert.NotEqual(TempStore.RandomKeys().HashEmail(Address), keys.HashEmail(Address));
    }

    private static NewSignature Verified(string userId, string address, PlatformKind platform = PlatformKind.Discord, DateTimeOffset? at = null) =>
        TempStore.Signature(userId, platform: platform, at: at) with { Verification = Verification.SchoolEmail, EmailAddress = address };

    private static string Shape(CampaignStats s) => string.Join(
        ";",
        s.Total,
        s.Named,
        Rows(s.BySchool),
        Rows(s.ByStage),
        Rows(s.ByPlatform),
        Rows(s.ByDay),
        Rows(s.ByVerification),
        Rows(s.BySchoolVerification),
        s.Last24Hours,
        s.Last7Days);

    private static string Rows(IReadOnlyList<CountBy> rows) => string.Join(",", rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Count}"));
}
