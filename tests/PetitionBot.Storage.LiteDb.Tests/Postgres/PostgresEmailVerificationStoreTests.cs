namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresEmailVerificationStoreTests : EmailVerificationStoreContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
