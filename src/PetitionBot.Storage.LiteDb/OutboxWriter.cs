using PetitionBot.Core.Announcements;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Writes announcements with one pending delivery per channel (inside the caller's transaction).</summary>
internal static class OutboxWriter
{
    /// <summary>The channels an announcement of this campaign (and school, for a school milestone) goes to
    /// (<see cref="AnnouncementTargets"/> decides).</summary>
    public static IReadOnlyList<ChannelRef> Targets(LiteDbContext db, string campaignId, string? schoolKey) =>
        AnnouncementTargets.Select(db.ServerCache.WithChannels(() =>
            db.Servers.Find(s => s.AnnouncementChannelId != null).Select(LiteDbServerStore.ToSettings).ToList()), campaignId, schoolKey);

    public static void Insert(LiteDbContext db, Announcement a, string uniqueKey, IReadOnlyList<ChannelRef> targets)
    {
        db.Announcements.Insert(new AnnouncementDoc
        {
            Id = a.Id,
            UniqueKey = uniqueKey,
            CampaignId = a.CampaignId,
            Kind = (int)a.Kind,
            Milestone = a.Milestone,
            SchoolKey = a.SchoolKey,
            Title = a.Title,
            Text = a.Text,
            CreatedAtTicks = a.CreatedAt.UtcTicks,
        });
        foreach (var channel in targets.Distinct())
        {
            Insert(db, a.Id, channel.Platform, channel.ServerId, channel.ChannelId, db.DeliveryOrder.Announced(a.CreatedAt));
        }
    }

    /// <summary>One pending delivery of an announcement to a person's private channel, due at <paramref name="due"/>.</summary>
    public static void InsertDelivery(LiteDbContext db, string announcementId, PlatformKind platform, string serverId, string channelId, DateTimeOffset due) =>
        Insert(db, announcementId, platform, serverId, channelId, db.DeliveryOrder.Scheduled(due));

    private static void Insert(LiteDbContext db, string announcementId, PlatformKind platform, string serverId, string channelId, (long DueTicks, long Seq) order) =>
        db.Outbox.Insert(new OutboxDoc
        {
            Id = RandomIds.New(),
            AnnouncementId = announcementId,
            Platform = (int)platform,
            WorkspaceId = serverId,
            ChannelId = channelId,
            State = (int)OutboxState.Pending,
            NextAttemptTicks = order.DueTicks,
            Seq = order.Seq,
        });
}
