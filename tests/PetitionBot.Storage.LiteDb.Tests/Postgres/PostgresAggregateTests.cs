namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresAggregateTests : AggregateContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
