namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresAuditLogTests : AuditLogContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
