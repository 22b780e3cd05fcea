namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbAggregateTests : AggregateContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
