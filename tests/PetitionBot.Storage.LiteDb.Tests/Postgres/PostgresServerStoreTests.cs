namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresServerStoreTests : ServerStoreContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
