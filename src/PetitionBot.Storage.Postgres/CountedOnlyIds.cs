namespace PetitionBot.Storage.Postgres;

/// <summary>The id of a counted-only row: a version 7 UUID whose time is the row's UTC date (the rest is random). A UUID
/// made now would carry the millisecond of signing, which the row itself no longer keeps.</summary>
internal static class CountedOnlyIds
{
    /// <summary>What an id of a counted-only row starts with, given its date in SQL: the date's Unix milliseconds in
    /// 12 hex digits, as <see cref="New"/> writes them.</summary>
    public const string DatePrefixSql =
        "lpad(to_hex((signed_at_ticks - signed_at_ticks % 864000000000 - 621355968000000000) / 10000), 12, '0')";

    /// <summary>A fresh id for a counted-only row of the day starting at <paramref name="dateTicks"/> (UTC).</summary>
    public static string New(long dateTicks) => Guid.CreateVersion7(new DateTimeOffset(dateTicks, TimeSpan.Zero)).ToString("N");
}
