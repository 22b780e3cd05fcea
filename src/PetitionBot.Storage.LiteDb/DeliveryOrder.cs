namespace PetitionBot.Storage.LiteDb;

/// <summary>Announcements' deliveries keep the order they are written in. An announcement is dated by its signature's
/// time, taken before the signature waited for the write gate, so two signers crossing two milestones together can
/// commit in the other order than their times; claimed by due time, the higher milestone would then be posted first in
/// every channel. So an announcement's deliveries are due no earlier than those of the one written before it (a clock
/// step back delays them by at most <see cref="MostShift"/>), and equal due times go in writing order
/// (<see cref="Documents.OutboxDoc.Seq"/>). Private notices spread over time (<c>DirectSchedule</c>) keep their own times.</summary>
internal sealed class DeliveryOrder
{
    public static readonly TimeSpan MostShift = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private long _lastTicks;
    private long _seq;

    /// <summary>The due time and order of an announcement's delivery dated <paramref name="due"/>.</summary>
    public (long DueTicks, long Seq) Announced(DateTimeOffset due)
    {
        lock (_gate)
        {
            _lastTicks = Math.Max(due.UtcTicks, Math.Min(_lastTicks, due.UtcTicks + MostShift.Ticks));
            return (_lastTicks, ++_seq);
        }
    }

    /// <summary>The due time and order of a delivery scheduled for <paramref name="due"/> as it is.</summary>
    public (long DueTicks, long Seq) Scheduled(DateTimeOffset due)
    {
        lock (_gate)
        {
            return (due.UtcTicks, ++_seq);
        }
    }
}
