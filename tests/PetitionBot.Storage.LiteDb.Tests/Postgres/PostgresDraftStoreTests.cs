namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresDraftStoreTests : DraftStoreContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
