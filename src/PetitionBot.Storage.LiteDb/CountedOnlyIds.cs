using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using LiteDB;

namespace PetitionBot.Storage.LiteDb;

/// <summary>The id of a counted-only row: an ObjectId whose time is the row's UTC date and whose other eight bytes are
/// random. A new ObjectId carries the second it was made and a process-wide counter that orders it among the named rows
/// signed around it, so it would tell the time of day the row itself no longer keeps.</summary>
internal static class CountedOnlyIds
{
    /// <summary>A fresh id for a counted-only row of the day starting at <paramref name="dateTicks"/> (UTC).</summary>
    public static string New(long dateTicks)
    {
        var bytes = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, UnixSeconds(dateTicks));
        RandomNumberGenerator.Fill(bytes.AsSpan(4));
        return new ObjectId(bytes).ToString();
    }

    /// <summary>True when <paramref name="id"/> says no more than the date starting at <paramref name="dateTicks"/>
    /// (its time is that midnight); false for an id made by <see cref="ObjectId.NewObjectId"/> or any other form.</summary>
    public static bool SaysOnlyTheDate(string id, long dateTicks) =>
        id.Length == 24
        && uint.TryParse(id.AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var seconds)
        && seconds == UnixSeconds(dateTicks);

    private static uint UnixSeconds(long dateTicks) =>
        unchecked((uint)((dateTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond));
}
