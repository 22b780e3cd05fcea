namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresCountedOnlyRowsTests : CountedOnlyRowsContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
