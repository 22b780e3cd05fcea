using PetitionBot.Core.Announcements;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Tests.Announcements;

public sealed class MilestoneAnnouncementsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly CampaignDefinition Campaign = new() { Id = "c", Title = "Fund the clinic", Goal = 1000, ExternalUrl = "https://example.org/p" };

    [Fact]
    public void Create_CampaignMilestoneWithDefinition_TextComposedWithTheNumbersAtCreation()
    {
        var stats = CampaignStats.Empty("c") with { Total = 100 };

        var a = MilestoneAnnouncements.Create("id1", "c", new CrossedMilestone(AnnouncementKind.CampaignMilestone, 100, null, "c|c|100"), At, Campaign, stats);

        Assert.Equal(("id1", "c", AnnouncementKind.CampaignMilestone, 100, At), (a.Id, a.CampaignId, a.Kind, a.Milestone, a.CreatedAt));
        Assert.Equal("The petition passed 100 signatures!", a.Title);
        Assert.StartsWith("\"Fund the clinic\" passed 100 signatures and now has 100, 10% of the 1,000 goal.", a.Text, StringComparison.Ordinal);
        Assert.EndsWith("https://example.org/p", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SchoolMilestoneWithoutDefinition_TextLeftForTheDispatcher()
    {
        var a = MilestoneAnnouncements.Create("id2", "c", new CrossedMilestone(AnnouncementKind.SchoolMilestone, 5, "ucsf", "c|s|ucsf|5"), At, null,
            CampaignStats.Empty("c"));

        Assert.Equal((AnnouncementKind.SchoolMilestone, 5, "ucsf"), (a.Kind, a.Milestone, a.SchoolKey));
        Assert.Null(a.Title);
        Assert.Null(a.Text);
    }
}
