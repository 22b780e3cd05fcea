namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbSubscriptionStoreTests : SubscriptionStoreContract
{
    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());
}
