using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Announcements;

/// <summary>The announcement of a crossed milestone, its words composed when it is created (the store writes them in
/// the signature's transaction, so every channel and every restart posts the same text). Without the campaign's
/// definition (a plan made without one) the text stays null and the dispatcher composes it at the first delivery.</summary>
public static class MilestoneAnnouncements
{
    private static readonly AnnouncementComposer Composer = new();

    /// <param name="id">The new announcement's id (the store makes it).</param>
    /// <param name="stats">The campaign's numbers including the signature that crossed the milestone.</param>
    public static Announcement Create(string id, string campaignId, CrossedMilestone crossed, DateTimeOffset at,
        CampaignDefinition? campaign, CampaignStats stats)
    {
        ArgumentNullException.ThrowIfNull(crossed);
        var announcement = new Announcement(id, campaignId, crossed.Kind, crossed.Milestone, crossed.SchoolKey, null, null, at);
        if (campaign is null)
        {
            return announcement;
        }

        var (title, text) = Composer.Compose(announcement, campaign, stats);
        return announcement with { Title = title, Text = text };
    }
}
