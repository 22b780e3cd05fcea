using PetitionBot.Core.Announcements;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Keeps <see cref="AnnouncementOrder"/> in this process: an announcement's deliveries are due no earlier than
/// the previous announcement's (<see cref="Announced"/>), and equal due times go in writing order
/// (<see cref="Documents.OutboxDoc.Seq"/>). Private notices (<see cref="Scheduled"/>) keep their own times.</summary>
internal sealed class DeliveryOrder
{
    private readonly Lock _gate = new();
    private long _lastTicks;
    private long _seq;

    /// <summary>The due time and order of an announcement's delivery dated <paramref name="due"/>.</summary>
    public (long DueTicks, long Seq) Announced(DateTimeOffset due)
    {
        lock (_gate)
        {
            _lastTicks = AnnouncementOrder.Due(due.UtcTicks, _lastTicks);
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
