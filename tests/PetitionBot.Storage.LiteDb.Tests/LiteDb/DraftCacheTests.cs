using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>Drafts kept in memory as last committed (<see cref="DraftCache"/>): read from memory, found or not, and never
/// a version the file does not hold — not one rolled back, not one deleted later in the same transaction.</summary>
public sealed class DraftCacheTests
{
    private const string Owner = "discord:1";

    [Fact]
    public async Task FindAsync_DraftSavedByThisProcess_AnsweredFromMemory()
    {
        using var store = new TempStore();
        await store.Drafts.SaveAsync(Draft("d1", "form"));
        var before = store.Context.DraftCache.Hits;

        var found = await store.Drafts.FindAsync("d1", Owner);

        Assert.Equal("form", found!.Step);
        Assert.Equal(before + 1, store.Context.DraftCache.Hits);
    }

    [Fact]
    public async Task FindAsync_NoSuchDraft_AnsweredFromMemory()
    {
        using var store = new TempStore();
        var before = store.Context.DraftCache.Hits;

        Assert.Null(await store.Drafts.FindAsync("never-saved", Owner));
        Assert.Equal(before + 1, store.Context.DraftCache.Hits);
    }

    [Fact]
    public async Task FindAsync_MoreDraftsThanTheCapacity_TheOnesNotInMemoryReadFromTheFile()
    {
        using var store = new TempStore();
        await store.Drafts.SaveAsync(Draft("d1", "form"));
        await store.Drafts.SaveAsync(Draft("d2", "form"));
        store.Context.Dispose();
        using var reopened = new LiteDbContext(store.Options);
        var small = new DraftCache { Capacity = 1 };
        small.Load(reopened.Drafts.FindAll());

        var first = small.Find("d1", out var firstKnown);
        var second = small.Find("d2", out var secondKnown);

        Assert.True(firstKnown && first is not null);
        Assert.False(secondKnown);
        Assert.Null(second);
        Assert.NotNull(await new LiteDbDraftStore(reopened).FindAsync("d2", Owner));
    }

    [Fact]
    public async Task FindAsync_SaveRolledBack_ReturnsTheCommittedDraft()
    {
        using var store = new TempStore();
        await store.Drafts.SaveAsync(Draft("d1", "form"));
        var next = LiteDbDraftStore.ToDoc(store.Context, Draft("d1", "confirm"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Context.WriteAsync<bool>(() =>
        {
            store.Context.DraftCache.Save(store.Context, next);
            throw new InvalidOperationException("the transaction fails after the save");
        }));

        Assert.Equal("form", (await store.Drafts.FindAsync("d1", Owner))!.Step);
    }

    [Fact]
    public async Task FindAsync_SavedThenDeletedInOneTransaction_ReturnsNull()
    {
        using var store = new TempStore();
        var doc = LiteDbDraftStore.ToDoc(store.Context, Draft("d1", "form"));

        await store.Context.WriteAsync(() =>
        {
            store.Context.DraftCache.Save(store.Context, doc);
            return store.Context.DraftCache.Delete(store.Context, "d1");
        });

        Assert.Null(await store.Drafts.FindAsync("d1", Owner));
    }

    [Fact]
    public async Task FindAsync_SavedThenOwnersDraftsDeletedInOneTransaction_ReturnsNull()
    {
        using var store = new TempStore();
        var doc = LiteDbDraftStore.ToDoc(store.Context, Draft("d1", "form"));

        await store.Context.WriteAsync(() =>
        {
            store.Context.DraftCache.Save(store.Context, doc);
            return store.Context.DraftCache.DeleteMany(store.Context, d => d.OwnerHash == doc.OwnerHash);
        });

        Assert.Null(await store.Drafts.FindAsync("d1", Owner));
    }

    [Fact]
    public async Task FindAsync_StoreReopened_DraftsInTheFileAreInMemory()
    {
        using var store = new TempStore();
        await store.Drafts.SaveAsync(Draft("d1", "form"));
        store.Context.Dispose();
        using var reopened = new LiteDbContext(store.Options);

        var found = await new LiteDbDraftStore(reopened).FindAsync("d1", Owner);

        Assert.Equal(("form", "Ana Lopez"), (found!.Step, found.Values["name"]));
        Assert.Equal(1, reopened.DraftCache.Hits);
    }

    private static FlowDraft Draft(string id, string step) =>
        new(id, "sign", Owner, TempStore.CampaignId, step, new Dictionary<string, string> { ["name"] = "Ana Lopez" }, TempStore.T0.AddMinutes(30));
}
