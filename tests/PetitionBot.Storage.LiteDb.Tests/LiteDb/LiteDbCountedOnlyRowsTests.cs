namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbCountedOnlyRowsTests : CountedOnlyRowsContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
