namespace PetitionBot.Core.Ports;

/// <summary>Announcements and their per-channel deliveries. Survives restarts; a delivered item is never sent again.</summary>
public interface IOutboxStore
{
    /// <summary>Records an announcement (e.g. a chapter update) and one pending delivery per channel. False, with nothing
    /// written, when an announcement with that id is already recorded (two organizers marking the same thing at once).</summary>
    Task<bool> EnqueueAsync(Announcement announcement, IReadOnlyList<PetitionBot.Core.Model.ChannelRef> channels, CancellationToken ct = default);

    /// <summary>Up to <paramref name="max"/> pending deliveries due by <paramref name="now"/>, in the order to send them:
    /// by due time, then writing order (<see cref="Announcements.AnnouncementOrder"/>).</summary>
    Task<IReadOnlyList<OutboxItem>> DueAsync(DateTimeOffset now, int max, CancellationToken ct = default);

    /// <summary>When the earliest pending delivery becomes due for this process (a delivery another process holds counts
    /// from the end of its claim), or null when nothing is pending. The dispatcher sleeps until then.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken ct = default);

    Task<Announcement?> FindAnnouncementAsync(string id, CancellationToken ct = default);

    /// <summary>Saves the composed text of an announcement (once). Only for announcements written without their text
    /// (by an earlier version, or from a plan without the campaign's definition); new milestones carry theirs.</summary>
    Task SetTextAsync(string announcementId, string title, string text, CancellationToken ct = default);

    Task MarkDeliveredAsync(string itemId, DateTimeOffset at, CancellationToken ct = default);

    Task RetryLaterAsync(string itemId, DateTimeOffset next, string reason, CancellationToken ct = default);

    Task MarkFailedAsync(string itemId, string reason, CancellationToken ct = default);

    Task<int> PendingCountAsync(CancellationToken ct = default);

    /// <summary>Blanks the title and text (free text a chapter leader or organizer typed) of announcements created before
    /// <paramref name="before"/> whose deliveries are all done (delivered or given up); the rows and their deliveries
    /// stay, so nothing is ever sent twice. Returns how many announcements were blanked.</summary>
    Task<int> PurgeTextAsync(DateTimeOffset before, CancellationToken ct = default);

    Task<IReadOnlyList<OutboxItem>> ListForAnnouncementAsync(string announcementId, CancellationToken ct = default);
}
