namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbCountedOnlyRowsTests : CountedOnlyRowsContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());

    protected override DateTimeOffset TimeIn(string id) => new(new LiteDB.ObjectId(id).CreationTime, TimeSpan.Zero);
}
