using PetitionBot.Core.Flows;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Schools;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Writes announcements with one pending delivery per channel (inside the caller's transaction).</summary>
internal static class OutboxWriter
{
    /// <summary>Announcement channels of present, healthy servers taking part in the campaign; for a school milestone,
    /// only that school's servers.</summary>
    public static List<ChannelRef> Targets(LiteDbContext db, string campaignId, string? schoolKey) =>
        db.Servers.Find(s => s.Present && s.AnnouncementChannelId != null && s.ChannelProblem == null)
            .Where(s => s.DefaultCampaignId == null || s.DefaultCampaignId == campaignId)
            .Where(s => schoolKey == null || (s.School != null && SchoolKeys.For(s.SchoolId, s.School) == schoolKey))
            .Select(s => new ChannelRef((PlatformKind)s.Platform, s.WorkspaceId, s.AnnouncementChannelId!))
            .Distinct()
            .ToList();

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
            db.Outbox.Insert(new OutboxDoc
            {
                Id = DraftIds.New(),
                AnnouncementId = a.Id,
                Platform = (int)channel.Platform,
                WorkspaceId = channel.WorkspaceId,
                ChannelId = channel.ChannelId,
                State = (int)OutboxState.Pending,
                NextAttemptTicks = a.CreatedAt.UtcTicks,
            });
        }
    }
}
