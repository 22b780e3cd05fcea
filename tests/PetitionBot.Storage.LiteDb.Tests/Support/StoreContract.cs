namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>Base of the contract test classes: each runs once per store (a LiteDB and a PostgreSQL fixture class).</summary>
public abstract class StoreContract : IAsyncLifetime
{
#pragma warning disable SA1401, CA1051 // the contract tests read the store as a field, as they always did
    protected StoreUnderTest store = null!;
#pragma warning restore SA1401, CA1051

    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    public async Task InitializeAsync() => store = await CreateStoreAsync();

    public async Task DisposeAsync() => await store.DisposeAsync();
}
