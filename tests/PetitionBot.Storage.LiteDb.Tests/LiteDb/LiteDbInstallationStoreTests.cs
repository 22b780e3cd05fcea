namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbInstallationStoreTests : InstallationStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
