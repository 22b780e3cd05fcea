using System.Globalization;

namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresCountedOnlyRowsTests : CountedOnlyRowsContract
{
    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();

    /// <summary>A version 7 UUID ("N" form) starts with its Unix time in milliseconds, 12 hex digits.</summary>
    protected override DateTimeOffset TimeIn(string id) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(id.AsSpan(0, 12), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
}
