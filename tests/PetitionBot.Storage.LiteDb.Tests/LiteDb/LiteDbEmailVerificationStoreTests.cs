namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbEmailVerificationStoreTests : EmailVerificationStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
