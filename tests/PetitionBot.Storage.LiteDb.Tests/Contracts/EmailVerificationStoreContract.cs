using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The contract every store keeps; runs on LiteDB and on PostgreSQL.</summary>
public abstract class EmailVerificationStoreContract : StoreContract
{
    private const string Address = "ana.lopez@ucsf.edu";

    [Fact]
    public async Task AddAsync_SameAddressFromAnotherPlatform_NotAddedAndReportsTheFirstSignature()
    {
        var first = await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);

        var second = await store.Signatures.AddAsync(Verified("U2", Address, PlatformKind.Slack, at: TempStore.T0.AddDays(2)), MilestonePlan.None);

        Assert.True(first.Added);
        Assert.False(second.Added);
        Assert.Equal((PlatformKind.Discord, TempStore.T0), (second.Signature.Platform, second.Signature.SignedAt));
        Assert.Equal(1, second.CampaignTotal);
        Assert.Null(await store.Signatures.FindAsync(TempStore.CampaignId, "slack:9000:U2"));
        Assert.Equal(1, (await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0)).Total);
    }

    [Fact]
    public async Task AddAsync_DifferentAddressesAndUnverifiedSigners_AllAdded()
    {
        Assert.True((await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None)).Added);
        Assert.True((await store.Signatures.AddAsync(Verified("2", "ben@ucsf.edu"), MilestonePlan.None)).Added);
        Assert.True((await store.Signatures.AddAsync(TempStore.Signature("3"), MilestonePlan.None)).Added);
        Assert.True((await store.Signatures.AddAsync(TempStore.Signature("4"), MilestonePlan.None)).Added);

        Assert.Equal(4, (await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0)).Total);
    }

    [Fact]
    public async Task FindByEmailAsync_Verified_GivesTheSignatureWithItsDomainOnly()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);

        var found = await store.Emails.FindByEmailAsync(TempStore.CampaignId, Address);

        Assert.NotNull(found);
        Assert.Equal((Verification.SchoolEmail, "ucsf.edu"), (found.Verification, found.EmailDomain));
        Assert.Null(await store.Emails.FindByEmailAsync(TempStore.CampaignId, "someone@ucsf.edu"));
        Assert.Null(await store.Emails.FindByEmailAsync("other-campaign", Address));
        Assert.Single(await store.Emails.FindAllByEmailAsync(Address));
    }

    [Fact]
    public async Task FindAllByEmailAsync_SameAddressInTwoCampaigns_FindsBoth()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);
        await store.Signatures.AddAsync(Verified("1", Address) with { CampaignId = "other-campaign" }, MilestonePlan.None);
        await store.Signatures.AddAsync(Verified("2", "ben@ucsf.edu"), MilestonePlan.None);

        var found = await store.Emails.FindAllByEmailAsync(Address);

        Assert.Equal(["other-campaign", TempStore.CampaignId], found.Select(s => s.CampaignId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RemoveByEmailAsync_Verified_LowersEveryAggregateAndFreesTheAddress()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);

        Assert.True(await store.Emails.RemoveByEmailAsync(TempStore.CampaignId, Address));

        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);
        Assert.Equal((0, 0, 0), (stats.Total, stats.Named, stats.Count(Verification.SchoolEmail)));
        Assert.Empty(stats.BySchool);
        Assert.False(await store.Emails.RemoveByEmailAsync(TempStore.CampaignId, Address));
        Assert.True((await store.Signatures.AddAsync(Verified("U2", Address, PlatformKind.Slack), MilestonePlan.None)).Added);
    }

    [Fact]
    public async Task RemoveAsync_VerifiedSignature_FreesTheAddressForANewSignature()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);

        Assert.True(await store.Signatures.RemoveAsync(TempStore.CampaignId, "discord:1"));

        Assert.Null(await store.Emails.FindByEmailAsync(TempStore.CampaignId, Address));
        Assert.True((await store.Signatures.AddAsync(Verified("2", Address), MilestonePlan.None)).Added);
    }

    [Fact]
    public async Task TryCountSendAsync_ThreeInAnHour_FourthRefusedUntilTheHourHasPassed()
    {
        var t = TempStore.T0;
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, t.AddMinutes(i), 3));
        }

        Assert.False(await store.Emails.TryCountSendAsync("discord:1", Address, t.AddMinutes(30), 3));
        Assert.False(await store.Emails.TryCountSendAsync("discord:1", "other@ucsf.edu", t.AddMinutes(30), 3));
        Assert.False(await store.Emails.TryCountSendAsync("slack:T1:U1", Address, t.AddMinutes(30), 3));
        Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, t.AddMinutes(61), 3));
    }

    [Fact]
    public async Task UncountSendAsync_MailThatNeverLeft_FreesThatSendForThePersonAndTheAddress()
    {
        var t = TempStore.T0.AddTicks(1234); // not on a millisecond: taken back by the millisecond it was counted in
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, t.AddMinutes(i), 3));
        }

        await store.Emails.UncountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(1).AddMilliseconds(0.5));

        Assert.True(await store.Emails.TryCountSendAsync("discord:1", "other@ucsf.edu", t.AddMinutes(5), 3));
        Assert.True(await store.Emails.TryCountSendAsync("slack:T1:U1", Address, t.AddMinutes(5), 3));
        Assert.False(await store.Emails.TryCountSendAsync("discord:1", Address, t.AddMinutes(6), 3));
    }

    [Fact]
    public async Task UncountSendAsync_NoSendInThatMillisecondOrTwice_TakesBackAtMostOne()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(i), 3));
        }

        await store.Emails.UncountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(1).AddMilliseconds(1));
        Assert.False(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(5), 3));

        await store.Emails.UncountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(2));
        await store.Emails.UncountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(2));

        Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(6), 3));
        Assert.False(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(7), 3));
    }

    [Fact]
    public async Task TryCountSendAsync_OtherPersonAndOtherAddress_CountedSeparately()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0, 3));
        }

        Assert.True(await store.Emails.TryCountSendAsync("discord:2", "ben@ucsf.edu", TempStore.T0, 3));
    }

    [Fact]
    public async Task GetStatsAsync_MixedMethods_CountsByMethodOverallAndPerSchool()
    {
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);
        await store.Signatures.AddAsync(Verified("2", "ben@stanford.edu", school: "Stanford"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("4", verification: Verification.RoleVerified), MilestonePlan.None);

        var stats = await store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);

        Assert.Equal((2, 1, 1), (stats.Count(Verification.SchoolEmail), stats.Count(Verification.RoleVerified), stats.Count(Verification.SelfAttested)));
        var ucsf = stats.BySchool.Single(s => s.Label == "UCSF School of Medicine").Key;
        Assert.Equal((1, 1, 1), (stats.SchoolCount(ucsf, Verification.SchoolEmail), stats.SchoolCount(ucsf, Verification.RoleVerified), stats.SchoolCount(ucsf, Verification.SelfAttested)));
    }

    [Fact]
    public async Task TryCountSendAsync_WithAttempt_SavesTheDraftWithTheCount()
    {
        var attempt = new FlowDraft("d-send", "sign", "discord:1", TempStore.CampaignId, "code",
            new Dictionary<string, string> { ["codeHash"] = "h" }, TempStore.T0.AddMinutes(15));

        Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0, 3, attempt));

        var saved = await store.Drafts.FindAsync("d-send", "discord:1");
        Assert.Equal(("code", "h"), (saved!.Step, saved.Values["codeHash"]));
    }

    [Fact]
    public async Task TryCountSendAsync_WithAttemptOverTheLimit_SavesNoDraft()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0, 3));
        }

        var attempt = new FlowDraft("d-late", "sign", "discord:1", TempStore.CampaignId, "code", new Dictionary<string, string>(), TempStore.T0.AddMinutes(15));

        Assert.False(await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0, 3, attempt));
        Assert.Null(await store.Drafts.FindAsync("d-late", "discord:1"));
    }

    [Fact]
    public async Task DatabaseFile_AfterVerifiedSignaturesAndSends_NeverHoldsTheAddress()
    {
        await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0, 3);
        await store.Signatures.AddAsync(Verified("1", Address), MilestonePlan.None);
        await store.Emails.FindAllByEmailAsync(Address);

        var bytes = await store.StoredBytesAsync();

        Assert.False(TempStore.Contains(bytes, Address));
        Assert.False(TempStore.Contains(bytes, "ana.lopez"));
        Assert.True(TempStore.Contains(bytes, "ucsf.edu"));
    }

    [Fact]
    public async Task TryCountSendAsync_ThenVerifiedSignature_NoSendRowHoldsAHashTheSignatureKeeps()
    {
        await store.Emails.TryCountSendAsync("discord:1", Address, TempStore.T0.AddMinutes(-3), 3);
        await store.Signatures.AddAsync(Verified("1", Address, name: null), MilestonePlan.None);

        var values = await store.StoredValuesAsync();

        var emailHash = store.Keys.HashEmail(Address);
        Assert.Contains(emailHash, values["signatures"], StringComparison.Ordinal);
        Assert.DoesNotContain(emailHash, values["email_sends"], StringComparison.Ordinal);
        Assert.DoesNotContain(store.Keys.Hash("discord:1"), values["email_sends"], StringComparison.Ordinal);
        Assert.Contains("p:", values["email_sends"], StringComparison.Ordinal);
        Assert.Contains("m:", values["email_sends"], StringComparison.Ordinal);
    }

    private static NewSignature Verified(string userId, string address, PlatformKind platform = PlatformKind.Discord,
        string school = "UCSF School of Medicine", DateTimeOffset? at = null, string? name = "Ana Lopez") =>
        TempStore.Signature(userId, name: name, school: school, platform: platform, at: at, verification: Verification.SchoolEmail) with { EmailAddress = address };
}
