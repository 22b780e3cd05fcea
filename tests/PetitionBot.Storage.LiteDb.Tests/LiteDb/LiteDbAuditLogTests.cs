namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbAuditLogTests : AuditLogContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
