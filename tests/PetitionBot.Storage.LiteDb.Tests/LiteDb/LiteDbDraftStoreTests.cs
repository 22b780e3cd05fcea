namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbDraftStoreTests : DraftStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
