using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Announcements;

/// <summary>Which milestones a signature crossed: a milestone m is crossed when the count goes from below m to m or more.
/// Campaign milestones first, then the signer's school's.</summary>
public static class MilestoneCrossing
{
    /// <summary>The milestones crossed when the campaign total went <paramref name="totalBefore"/> → <paramref name="totalAfter"/>
    /// and the signer's school count <paramref name="schoolBefore"/> → <paramref name="schoolAfter"/>.</summary>
    public static IReadOnlyList<CrossedMilestone> Crossed(MilestonePlan plan, string campaignId, string schoolKey,
        int totalBefore, int totalAfter, int schoolBefore, int schoolAfter)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var crossed = new List<CrossedMilestone>();
        foreach (var m in plan.Campaign.Where(m => totalBefore < m && m <= totalAfter).Distinct())
        {
            crossed.Add(new CrossedMilestone(AnnouncementKind.CampaignMilestone, m, null, $"{campaignId}|c|{m}"));
        }

        foreach (var m in plan.School.Where(m => schoolBefore < m && m <= schoolAfter).Distinct())
        {
            crossed.Add(new CrossedMilestone(AnnouncementKind.SchoolMilestone, m, schoolKey, $"{campaignId}|s|{schoolKey}|{m}"));
        }

        return crossed;
    }

    /// <summary>The campaign totals at which one new signature crosses a campaign milestone (a store may check the new
    /// total against these before doing the milestone work).</summary>
    public static int[] CampaignTriggers(MilestonePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Campaign.Where(m => m > 0).Distinct().ToArray();
    }

    /// <summary>The school counts at which one new signature crosses a school milestone.</summary>
    public static int[] SchoolTriggers(MilestonePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.School.Where(m => m > 0).Distinct().ToArray();
    }

    /// <summary>The milestones one new signature crossed (each count went up by one).</summary>
    public static IReadOnlyList<CrossedMilestone> CrossedByOne(MilestonePlan plan, string campaignId, string schoolKey, int totalAfter, int schoolAfter) =>
        Crossed(plan, campaignId, schoolKey, totalAfter - 1, totalAfter, schoolAfter - 1, schoolAfter);
}
