using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;
using PetitionBot.Core.Ports;

namespace PetitionBot.Storage.LiteDb;

/// <summary>The outbox. A delivery is marked delivered in the store before anything else happens, so it is never sent again.</summary>
public sealed class LiteDbOutboxStore(LiteDbContext db, IOutboxSignal? signal = null) : IOutboxStore
{
    public async Task<bool> EnqueueAsync(Announcement announcement, IReadOnlyList<ChannelRef> channels, CancellationToken ct = default)
    {
        var added = await db.WriteAsync(() =>
        {
            if (db.Announcements.FindById(announcement.Id) is not null)
            {
                return false;
            }

            OutboxWriter.Insert(db, announcement, "a|" + announcement.Id, channels);
            return true;
        }).ConfigureAwait(false);
        if (added)
        {
            signal?.Raise();
        }

        return added;
    }

    public Task<IReadOnlyList<OutboxItem>> DueAsync(DateTimeOffset now, int max, CancellationToken ct = default)
    {
        var ticks = now.UtcTicks;
        var pending = (int)OutboxState.Pending;
        IReadOnlyList<OutboxItem> due = db.Outbox.Find(o => o.State == pending)
            .Where(o => o.NextAttemptTicks <= ticks)
            .OrderBy(o => o.NextAttemptTicks)
            .ThenBy(o => o.Seq)
            .Take(max)
            .Select(ToItem)
            .ToList();
        return Task.FromResult(due);
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken ct = default)
    {
        var pending = (int)OutboxState.Pending;
        var next = db.Outbox.Find(o => o.State == pending).Select(o => (long?)o.NextAttemptTicks).Min();
        return Task.FromResult(next is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null);
    }

    public Task<Announcement?> FindAnnouncementAsync(string id, CancellationToken ct = default)
    {
        var d = db.Announcements.FindById(id);
        return Task.FromResult(d is null
            ? null
            : new Announcement(d.Id, d.CampaignId, (AnnouncementKind)d.Kind, d.Milestone, d.SchoolKey, d.Title, d.Text,
                new DateTimeOffset(d.CreatedAtTicks, TimeSpan.Zero)));
    }

    public Task SetTextAsync(string announcementId, string title, string text, CancellationToken ct = default)
    {
        return db.WriteAsync(() =>
        {
            var doc = db.Announcements.FindById(announcementId);
            if (doc is not null && doc.Text is null)
            {
                doc.Title = title;
                doc.Text = text;
                db.Announcements.Update(doc);
            }

            return 0;
        });
    }

    public Task<int> PurgeTextAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        var ticks = before.UtcTicks;
        var pending = (int)OutboxState.Pending;
        return db.WriteAsync(() =>
        {
            var old = db.Announcements.Find(a => a.CreatedAtTicks < ticks).Where(a => a.Text != Announcement.RemovedText).ToList();
            var blanked = 0;
            foreach (var doc in old)
            {
                var id = doc.Id;
                if (db.Outbox.Exists(o => o.AnnouncementId == id && o.State == pending))
                {
                    continue;
                }

                doc.Title = null;
                doc.Text = Announcement.RemovedText;
                db.Announcements.Update(doc);
                blanked++;
            }

            return blanked;
        });
    }

    public Task MarkDeliveredAsync(string itemId, DateTimeOffset at, CancellationToken ct = default) =>
        Change(itemId, d =>
        {
            d.State = (int)OutboxState.Delivered;
            d.Attempts++;
            d.LastError = null;
        });

    public Task RetryLaterAsync(string itemId, DateTimeOffset next, string reason, CancellationToken ct = default) =>
        Change(itemId, d =>
        {
            d.Attempts++;
            d.NextAttemptTicks = next.UtcTicks;
            d.LastError = reason;
        });

    public Task MarkFailedAsync(string itemId, string reason, CancellationToken ct = default) =>
        Change(itemId, d =>
        {
            d.State = (int)OutboxState.Failed;
            d.Attempts++;
            d.LastError = reason;
        });

    public Task<int> PendingCountAsync(CancellationToken ct = default)
    {
        var pending = (int)OutboxState.Pending;
        return Task.FromResult(db.Outbox.Count(o => o.State == pending));
    }

    public Task<IReadOnlyList<OutboxItem>> ListForAnnouncementAsync(string announcementId, CancellationToken ct = default)
    {
        IReadOnlyList<OutboxItem> items = db.Outbox.Find(o => o.AnnouncementId == announcementId).Select(ToItem).ToList();
        return Task.FromResult(items);
    }

    /// <summary>One item's status change. A fan-out ends hundreds of deliveries at once: the changes that arrive while a
    /// transaction is written share the next one (<see cref="WriteQueue"/>), so they end in a few writes, not one each.</summary>
    private Task Change(string itemId, Action<OutboxDoc> change) => db.WriteAsync(() =>
    {
        if (db.Outbox.FindById(itemId) is { } doc)
        {
            change(doc);
            db.Outbox.Update(doc);
        }

        return 0;
    });

    private static OutboxItem ToItem(OutboxDoc d) => new(
        d.Id,
        d.AnnouncementId,
        new ChannelRef((PlatformKind)d.Platform, d.WorkspaceId, d.ChannelId),
        (OutboxState)d.State,
        d.Attempts,
        new DateTimeOffset(d.NextAttemptTicks, TimeSpan.Zero),
        d.LastError);
}
