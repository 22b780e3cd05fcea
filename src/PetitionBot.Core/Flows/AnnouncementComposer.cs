using System.Text;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Flows;

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

        var progress = new Progress(stats.Total, campaign.Goal);
        var text = new StringBuilder();
        string title;
        if (announcement.Kind == AnnouncementKind.SchoolMilestone)
        {
            // The school is named only while it has enough signers to be shown publicly (signers may have withdrawn
            // between the milestone and this text being composed).
            var school = stats.BySchool.FirstOrDefault(s => s.Key == announcement.SchoolKey && s.Count >= PublicNumbers.MinGroupSize)?.Label
                         ?? "Your school";
            title = $"{school} passed {Replies.Count(announcement.Milestone ?? 0)} signatures!";
            text.Append($"{school} has {Replies.Count(announcement.Milestone ?? 0)} signers on \"{campaign.Title}\". ");
        }
        else
        {
            title = $"{Replies.Count(announcement.Milestone ?? 0)} signatures!";
            text.Append($"\"{campaign.Title}\" passed {Replies.Count(announcement.Milestone ?? 0)} signatures. ");
        }

        text.Append($"{Replies.Count(stats.Total)} so far, {progress.Percent}% of the {Replies.Count(campaign.Goal)} goal, from {Replies.Count(stats.BySchool.Count)} schools.");
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
