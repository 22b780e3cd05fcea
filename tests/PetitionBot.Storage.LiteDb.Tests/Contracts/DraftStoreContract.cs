using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The contract every store keeps; runs on LiteDB and on PostgreSQL.</summary>
public abstract class DraftStoreContract : StoreContract
{
    [Fact]
    public async Task FindAsync_Owner_ReturnsValues()
    {
        await store.Drafts.SaveAsync(Draft("d1", "discord:1", TempStore.T0));

        var found = await store.Drafts.FindAsync("d1", "discord:1");

        Assert.NotNull(found);
        Assert.Equal(("sign", "form", TempStore.CampaignId, TempStore.T0), (found.Flow, found.Step, found.CampaignId, found.ExpiresAt));
        Assert.Equal("Ana Lopez", found.Values["name"]);
    }

    [Fact]
    public async Task FindAsync_OtherOwnerOrUnknownId_ReturnsNull()
    {
        await store.Drafts.SaveAsync(Draft("d1", "discord:1", TempStore.T0));

        Assert.Null(await store.Drafts.FindAsync("d1", "discord:2"));
        Assert.Null(await store.Drafts.FindAsync("nope", "discord:1"));
        Assert.NotNull(await store.Drafts.FindAsync("d1", "discord:1"));
    }

    [Fact]
    public async Task SaveAsync_SameId_ReplacesTheDraft()
    {
        await store.Drafts.SaveAsync(Draft("d1", "discord:1", TempStore.T0));
        await store.Drafts.SaveAsync(Draft("d1", "discord:1", TempStore.T0) with { Step = "confirm", Values = new Dictionary<string, string> { ["name"] = "B" } });

        var found = await store.Drafts.FindAsync("d1", "discord:1");

        Assert.Equal(("confirm", "B"), (found!.Step, found.Values["name"]));
    }

    [Fact]
    public async Task PurgeExpiredAsync_MixedDrafts_DeletesOnlyExpired()
    {
        await store.Drafts.SaveAsync(Draft("old", "discord:1", TempStore.T0.AddMinutes(-1)));
        await store.Drafts.SaveAsync(Draft("edge", "discord:1", TempStore.T0));
        await store.Drafts.SaveAsync(Draft("new", "discord:1", TempStore.T0.AddMinutes(1)));

        Assert.Equal(2, await store.Drafts.PurgeExpiredAsync(TempStore.T0));

        Assert.Null(await store.Drafts.FindAsync("old", "discord:1"));
        Assert.Null(await store.Drafts.FindAsync("edge", "discord:1"));
        Assert.NotNull(await store.Drafts.FindAsync("new", "discord:1"));
    }

    [Fact]
    public async Task DeleteAllAsync_Owner_DeletesOnlyTheirDrafts()
    {
        await store.Drafts.SaveAsync(Draft("a", "discord:1", TempStore.T0));
        await store.Drafts.SaveAsync(Draft("b", "discord:1", TempStore.T0));
        await store.Drafts.SaveAsync(Draft("c", "discord:2", TempStore.T0));

        Assert.Equal(2, await store.Drafts.DeleteAllAsync("discord:1"));

        Assert.Null(await store.Drafts.FindAsync("a", "discord:1"));
        Assert.NotNull(await store.Drafts.FindAsync("c", "discord:2"));
    }

    [Fact]
    public async Task DeleteAsync_Draft_IsGone()
    {
        await store.Drafts.SaveAsync(Draft("a", "discord:1", TempStore.T0));

        await store.Drafts.DeleteAsync("a");

        Assert.Null(await store.Drafts.FindAsync("a", "discord:1"));
    }

    [Fact]
    public async Task FileBytes_Draft_HoldNoValueOrOwnerInClear()
    {
        await store.Drafts.SaveAsync(Draft("a", "discord:987654321987", TempStore.T0) with
        {
            Values = new Dictionary<string, string> { ["name"] = "Guadalupe Esperanza", ["school"] = "Zzyzx Medical College" },
        });

        var bytes = await store.StoredBytesAsync();

        Assert.False(TempStore.Contains(bytes, "Guadalupe Esperanza"));
        Assert.False(TempStore.Contains(bytes, "Zzyzx Medical College"));
        Assert.False(TempStore.Contains(bytes, "987654321987"));
    }

    [Fact]
    public async Task SignatureAddAsync_WithDraftId_DeletesTheDraftWithTheSignature()
    {
        await store.Drafts.SaveAsync(Draft("signing", "discord:1", TempStore.T0));
        await store.Drafts.SaveAsync(Draft("other", "discord:1", TempStore.T0));

        var outcome = await store.Signatures.AddAsync(TempStore.Signature("1") with { DraftId = "signing" }, MilestonePlan.None);

        Assert.True(outcome.Added);
        Assert.Null(await store.Drafts.FindAsync("signing", "discord:1"));
        Assert.NotNull(await store.Drafts.FindAsync("other", "discord:1"));
    }

    [Fact]
    public void MacToken_SameStateAndOwner_IsStableAndBoundToOwnerAndState()
    {
        var mac = store.Drafts.MacToken("discord:1", "sg:abc:camp:r0");

        Assert.Equal(16, mac.Length);
        Assert.Equal(mac, store.Drafts.MacToken("discord:1", "sg:abc:camp:r0"));
        Assert.NotEqual(mac, store.Drafts.MacToken("discord:2", "sg:abc:camp:r0"));
        Assert.NotEqual(mac, store.Drafts.MacToken("discord:1", "sg:abc:camp:r1"));
        Assert.All(mac, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }

    private static FlowDraft Draft(string id, string owner, DateTimeOffset expires) =>
        new(id, "sign", owner, TempStore.CampaignId, "form", new Dictionary<string, string> { ["name"] = "Ana Lopez" }, expires);
}
