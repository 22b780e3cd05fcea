namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbResponseStoreTests : ResponseStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
