using PetitionBot.Core.Flows;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Records crossed milestones and their per-channel deliveries, inside the signature's transaction.
/// A milestone's unique key makes it announced once ever, however many signers cross it at once.</summary>
internal static class MilestoneRecorder
{
    public static List<Announcement> Record(LiteDbContext db, SignatureDoc s, int before, int after, int schoolAfter,
        MilestonePlan plan, DateTimeOffset now)
    {
        var made = new List<Announcement>();
        foreach (var m in plan.Campaign.Where(m => before < m && m <= after).Distinct())
        {
            var key = $"{s.CampaignId}|c|{m}";
            var targets = OutboxWriter.Targets(db, s.CampaignId, schoolKey: null);
            Add(db, made, key, new Announcement(DraftIds.New(), s.CampaignId, AnnouncementKind.CampaignMilestone, m, null, null, null, now), targets);
        }

        var schoolBefore = schoolAfter - 1;
        foreach (var m in plan.School.Where(m => schoolBefore < m && m <= schoolAfter).Distinct())
        {
            var key = $"{s.CampaignId}|s|{s.SchoolKey}|{m}";
            var targets = OutboxWriter.Targets(db, s.CampaignId, s.SchoolKey);
            Add(db, made, key, new Announcement(DraftIds.New(), s.CampaignId, AnnouncementKind.SchoolMilestone, m, s.SchoolKey, null, null, now), targets);
        }

        return made;
    }

    private static void Add(LiteDbContext db, List<Announcement> made, string uniqueKey, Announcement announcement, IReadOnlyList<ChannelRef> targets)
    {
        if (db.Announcements.Exists(a => a.UniqueKey == uniqueKey))
        {
            return;
        }

        OutboxWriter.Insert(db, announcement, uniqueKey, targets);
        made.Add(announcement);
    }
}
