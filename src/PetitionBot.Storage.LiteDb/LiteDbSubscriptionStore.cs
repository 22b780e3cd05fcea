using LiteDB;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Notification opt-ins in the "subscriptions" collection. A notice and its one delivery per subscriber are
/// written in one transaction under the announcement's unique key, so each subscriber gets each event once.</summary>
public sealed class LiteDbSubscriptionStore(LiteDbContext db, IOutboxSignal? signal = null) : ISubscriptionStore
{
    private ILiteCollection<SubscriptionDoc> Subscriptions => db.Database.GetCollection<SubscriptionDoc>("subscriptions");

    public Task<bool> AddAsync(NewSubscription subscription, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ct.ThrowIfCancellationRequested();
        var owner = db.Keys.HashSubscriber(subscription.IdentityKey);
        var key = subscription.CampaignId + "|" + owner;
        return db.WriteAsync(() =>
        {
            if (Subscriptions.Exists(s => s.Key == key))
            {
                return false;
            }

            Subscriptions.Insert(new SubscriptionDoc
            {
                Id = RandomIds.New(),
                Key = key,
                CampaignId = subscription.CampaignId,
                OwnerHash = owner,
                Platform = (int)subscription.Platform,
                WorkspaceId = subscription.ServerId,
                UserCipher = db.Keys.EncryptSubscriber(subscription.UserId),
                CreatedAtTicks = subscription.CreatedAt.UtcTicks,
                ExpiresAtTicks = subscription.ExpiresAt?.UtcTicks,
            });
            return true;
        });
    }

    public Task<IReadOnlyList<Subscription>> FindAllAsync(string identityKey, CancellationToken ct = default)
    {
        var owner = db.Keys.HashSubscriber(identityKey);
        IReadOnlyList<Subscription> list = Subscriptions.Find(s => s.OwnerHash == owner).OrderBy(s => s.CreatedAtTicks).Select(ToRecord).ToList();
        return Task.FromResult(list);
    }

    public Task<bool> RemoveAsync(string campaignId, string identityKey, CancellationToken ct = default)
    {
        var key = campaignId + "|" + db.Keys.HashSubscriber(identityKey);
        return db.WriteAsync(() => Subscriptions.DeleteMany(s => s.Key == key) > 0);
    }

    public Task<int> RemoveAllAsync(string identityKey, CancellationToken ct = default)
    {
        var owner = db.Keys.HashSubscriber(identityKey);
        return db.WriteAsync(() => Subscriptions.DeleteMany(s => s.OwnerHash == owner));
    }

    public async Task<int?> NotifyAsync(Announcement notice, string uniqueKey, TimeSpan spacing, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ct.ThrowIfCancellationRequested();
        var notified = await db.WriteAsync<int?>(() =>
        {
            if (db.Announcements.Exists(a => a.UniqueKey == uniqueKey))
            {
                return null;
            }

            var targets = Subscriptions.Find(s => s.CampaignId == notice.CampaignId).OrderBy(s => s.CreatedAtTicks)
                .Select(s => DirectTarget.For((PlatformKind)s.Platform, s.WorkspaceId, s.Id)).ToList();
            OutboxWriter.Insert(db, notice, uniqueKey, []);
            foreach (var (target, due) in DirectSchedule.Spread(targets, notice.CreatedAt, spacing))
            {
                OutboxWriter.InsertDelivery(db, notice.Id, target.Platform, target.ServerId, target.ChannelId, due);
            }

            return targets.Count;
        });
        if (notified > 0)
        {
            signal?.Raise();
        }

        return notified;
    }

    public Task<DirectRecipient?> RecipientAsync(string subscriptionId, CancellationToken ct = default)
    {
        var doc = Subscriptions.FindById(subscriptionId);
        return Task.FromResult(doc is null
            ? null
            : new DirectRecipient(doc.Id, (PlatformKind)doc.Platform, doc.WorkspaceId, db.Keys.DecryptSubscriber(doc.UserCipher)));
    }

    public Task<bool> DropAsync(string subscriptionId, CancellationToken ct = default) =>
        db.WriteAsync(() => Subscriptions.Delete(subscriptionId));

    public Task<int> PurgeAsync(DateTimeOffset now, IReadOnlyCollection<string> endedCampaignIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(endedCampaignIds);
        var ticks = now.UtcTicks;
        var ended = endedCampaignIds.ToHashSet(StringComparer.Ordinal);
        return db.WriteAsync(() =>
        {
            var doomed = Subscriptions.FindAll()
                .Where(s => (s.ExpiresAtTicks is { } e && e <= ticks) || ended.Contains(s.CampaignId))
                .Select(s => s.Id)
                .ToList();
            foreach (var id in doomed)
            {
                Subscriptions.Delete(id);
            }

            return doomed.Count;
        });
    }

    private static Subscription ToRecord(SubscriptionDoc d) => new(d.Id, d.CampaignId, (PlatformKind)d.Platform,
        new DateTimeOffset(d.CreatedAtTicks, TimeSpan.Zero), d.ExpiresAtTicks is { } e ? new DateTimeOffset(e, TimeSpan.Zero) : null);
}
