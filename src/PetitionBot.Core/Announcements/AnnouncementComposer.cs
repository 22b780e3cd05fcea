using System.Text;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Announcements;

/// <summary>Writes the public text of a milestone announcement. Only totals and schools with at least
/// <see cref="PublicNumbers.MinGroupSize"/> signers ever appear.</summary>
public sealed class AnnouncementComposer
{
    public const int TopSchoolCount = 5;

    public (string Title, string Text) Compose(Announcement announcement, CampaignDefinition campaign, CampaignStats stats)
    {
        if (announcement.Kind is AnnouncementKind.ChapterUpdate or AnnouncementKind.OrganizerAlert)
        {
            return (announcement.Title ?? "Update", announcement.Text ?? "");
        }

        // The headline is the milestone that was crossed; the body gives the numbers as they are now and says so, so a
        // post written after more people signed ("passed 10", "now 16") never shows two counts for one thing unexplained.
        var progress = new Progress(stats.Total, campaign.Goal);
        var milestone = Replies.Count(announcement.Milestone ?? 0);
        var text = new StringBuilder();
        string title;
        if (announcement.Kind == AnnouncementKind.SchoolMilestone)
        {
            // The school is named only while it has enough signers to be shown publicly (signers may have withdrawn
            // between the milestone and this text being composed).
            var school = stats.BySchool.FirstOrDefault(s => s.Key == announcement.SchoolKey && s.Count >= PublicNumbers.MinGroupSize);
            var name = school?.Label ?? "Your school";
            title = $"{name} passed {milestone} signatures!";
            text.Append($"{name} passed {milestone} signers on \"{campaign.Title}\"")
                .Append(school is null ? ". " : $" and now has {Replies.Count(school.Count)}. ")
                .Append($"The whole petition now has {Replies.Count(stats.Total)}, {progress.Percent}% of the {Replies.Count(campaign.Goal)} goal.");
        }
        else
        {
            title = $"The petition passed {milestone} signatures!";
            text.Append($"\"{campaign.Title}\" passed {milestone} signatures and now has {Replies.Count(stats.Total)}, " +
                        $"{progress.Percent}% of the {Replies.Count(campaign.Goal)} goal.");
        }

        // Only schools with enough signers to be shown publicly are counted or named.
        var shown = stats.BySchool.Count(s => s.Count >= PublicNumbers.MinGroupSize);
        if (shown > 0)
        {
            text.Append($" From {Replies.Count(shown)} school{(shown == 1 ? "" : "s")} (schools with fewer than {PublicNumbers.MinGroupSize} signers are not counted in public).");
        }

        var top = PublicNumbers.TopSchools(stats, TopSchoolCount);
        if (top.Count > 0)
        {
            text.Append("\nLeading schools: ").Append(string.Join(", ", top.Select(s => $"{s.Label} ({Replies.Count(s.Count)})"))).Append('.');
        }

        text.Append("\nMedical students and resident physicians: sign with /sign. Everyone else: ").Append(campaign.ExternalUrl);
        return (title, text.ToString());
    }

    public static Progress ProgressOf(CampaignDefinition campaign, CampaignStats stats) => new(stats.Total, campaign.Goal);
}
