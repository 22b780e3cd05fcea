using PetitionBot.Core.Announcements;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Tests.Announcements;

public sealed class MilestoneCrossingTests
{
    private static readonly MilestonePlan Plan = new([10, 50, 50, 100], [5, 10]);

    [Fact]
    public void CrossedByOne_CountReachesCampaignMilestone_OneCampaignMilestoneWithItsKey()
    {
        var crossed = MilestoneCrossing.CrossedByOne(Plan, "c", "ucsf", totalAfter: 10, schoolAfter: 3);

        Assert.Equal([new CrossedMilestone(AnnouncementKind.CampaignMilestone, 10, null, "c|c|10")], crossed);
    }

    [Fact]
    public void CrossedByOne_BothCountsReachMilestones_CampaignFirstThenSchool()
    {
        var crossed = MilestoneCrossing.CrossedByOne(Plan, "c", "ucsf", totalAfter: 50, schoolAfter: 5);

        Assert.Equal(
            [
                new CrossedMilestone(AnnouncementKind.CampaignMilestone, 50, null, "c|c|50"),
                new CrossedMilestone(AnnouncementKind.SchoolMilestone, 5, "ucsf", "c|s|ucsf|5"),
            ],
            crossed);
    }

    [Fact]
    public void CrossedByOne_CountsPastOrBelowMilestones_NothingCrossed()
    {
        Assert.Empty(MilestoneCrossing.CrossedByOne(Plan, "c", "ucsf", totalAfter: 11, schoolAfter: 4));
        Assert.Empty(MilestoneCrossing.CrossedByOne(Plan, "c", "ucsf", totalAfter: 9, schoolAfter: 6));
        Assert.Empty(MilestoneCrossing.CrossedByOne(MilestonePlan.None, "c", "ucsf", totalAfter: 10, schoolAfter: 10));
    }

    [Fact]
    public void Triggers_Plan_EachCountAtWhichOneSignatureCrossesAMilestone()
    {
        Assert.Equal([10, 50, 100], MilestoneCrossing.CampaignTriggers(Plan));
        Assert.Equal([5, 10], MilestoneCrossing.SchoolTriggers(Plan));
        Assert.All(Enumerable.Range(1, 120), n => Assert.Equal(
            MilestoneCrossing.CampaignTriggers(Plan).Contains(n) || MilestoneCrossing.SchoolTriggers(Plan).Contains(n),
            MilestoneCrossing.CrossedByOne(Plan, "c", "ucsf", n, n).Count > 0));
    }

    [Fact]
    public void Crossed_JumpOverSeveralMilestones_EachOnceInPlanOrder()
    {
        var crossed = MilestoneCrossing.Crossed(Plan, "c", "ucsf", totalBefore: 9, totalAfter: 100, schoolBefore: 10, schoolAfter: 10);

        Assert.Equal([10, 50, 100], crossed.Select(c => c.Milestone));
        Assert.All(crossed, c => Assert.Equal(AnnouncementKind.CampaignMilestone, c.Kind));
    }
}
