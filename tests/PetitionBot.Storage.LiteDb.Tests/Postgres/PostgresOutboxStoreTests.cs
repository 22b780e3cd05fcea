namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresOutboxStoreTests : OutboxStoreContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
