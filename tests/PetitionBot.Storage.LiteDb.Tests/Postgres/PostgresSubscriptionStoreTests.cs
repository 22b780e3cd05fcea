namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresSubscriptionStoreTests : SubscriptionStoreContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();
}
