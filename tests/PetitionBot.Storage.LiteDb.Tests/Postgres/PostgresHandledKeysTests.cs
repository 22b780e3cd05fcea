namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresHandledKeysTests : HandledKeysContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
