namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresResponseStoreTests : ResponseStoreContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
