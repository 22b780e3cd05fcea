using PetitionBot.Core.Announcements;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Writes the announcements of the milestones a signature crossed (decided by <see cref="MilestoneCrossing"/>,
/// worded by <see cref="MilestoneAnnouncements"/>, addressed by <see cref="AnnouncementTargets"/>) inside the signature's
/// transaction. A milestone's unique key makes it announced once ever, however many signers cross it at once.</summary>
internal static class MilestoneRecorder
{
    public static List<Announcement> Record(LiteDbContext db, SignatureDoc s, int after, int schoolAfter, MilestonePlan plan, DateTimeOffset now)
    {
        var made = new List<Announcement>();
        CampaignStats? stats = null;
        foreach (var crossed in MilestoneCrossing.CrossedByOne(plan, s.CampaignId, s.SchoolKey, after, schoolAfter))
        {
            var key = crossed.UniqueKey;
            if (db.Announcements.Exists(a => a.UniqueKey == key))
            {
                continue;
            }

            // The numbers the words need (the total and the schools' counts) as this transaction leaves them, this
            // signature included; read once per signature, and only when the words are written now (the plan has the
            // campaign's definition; without it they are composed at the first delivery).
            stats ??= plan.Definition is null ? CampaignStats.Empty(s.CampaignId) : Aggregates.ReadForWords(db, s.CampaignId);
            var announcement = MilestoneAnnouncements.Create(RandomIds.New(), s.CampaignId, crossed, now, plan.Definition, stats);
            OutboxWriter.Insert(db, announcement, key, OutboxWriter.Targets(db, s.CampaignId, crossed.SchoolKey));
            made.Add(announcement);
        }

        return made;
    }
}
