namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbServerStoreTests : ServerStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
