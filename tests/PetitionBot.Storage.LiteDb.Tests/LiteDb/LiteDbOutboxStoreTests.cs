namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbOutboxStoreTests : OutboxStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
