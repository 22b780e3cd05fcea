namespace PetitionBot.Core.Announcements;

/// <summary>How a store orders announcement deliveries. An announcement is dated by its signature's time, taken before
/// the signature waited for the store, so two signers crossing two milestones together can commit in the other order
/// than their times; claimed by due time alone, the higher milestone would be posted first in every channel. So a store
/// makes an announcement's deliveries due no earlier than those of the announcement written before it, at most
/// <see cref="MostShift"/> later than its own time (a clock step back delays it no more), and claims equal due times in
/// writing order. Private notices spread over time keep their own times.</summary>
public static class AnnouncementOrder
{
    /// <summary>The most an announcement's deliveries are held back to stay behind the one written before.</summary>
    public static readonly TimeSpan MostShift = TimeSpan.FromSeconds(10);

    /// <summary>The due time of an announcement dated <paramref name="own"/> written after one due at
    /// <paramref name="previous"/> (both in ticks).</summary>
    public static long Due(long own, long previous) => Math.Max(own, Math.Min(previous, own + MostShift.Ticks));
}
