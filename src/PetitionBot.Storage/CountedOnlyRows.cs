namespace PetitionBot.Storage;

/// <summary>What a counted-only signature keeps of when it signed: the UTC date only (issue 13, item 11).</summary>
public static class CountedOnlyRows
{
    /// <summary>Midnight UTC of the day of <paramref name="utcTicks"/>.</summary>
    public static long DateOnly(long utcTicks) => utcTicks - (utcTicks % TimeSpan.TicksPerDay);

    /// <summary>True when the day starting at <paramref name="dayTicks"/> overlaps [<paramref name="fromTicks"/>,
    /// <paramref name="toTicks"/>): a time window reaches a counted-only signature of every day it touches.</summary>
    public static bool DayOverlaps(long dayTicks, long fromTicks, long toTicks) =>
        dayTicks < toTicks && (fromTicks == long.MinValue || dayTicks + TimeSpan.TicksPerDay > fromTicks);
}
