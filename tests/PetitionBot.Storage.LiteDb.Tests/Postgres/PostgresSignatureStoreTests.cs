namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresSignatureStoreTests : SignatureStoreContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
