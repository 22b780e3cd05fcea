namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresInstallationStoreTests : InstallationStoreContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
