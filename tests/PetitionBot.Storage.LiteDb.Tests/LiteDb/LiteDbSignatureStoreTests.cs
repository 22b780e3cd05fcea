namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbSignatureStoreTests : SignatureStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
