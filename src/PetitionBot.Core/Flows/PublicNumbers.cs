namespace PetitionBot.Core.Flows;

/// <summary>What may be shown publicly: schools with at least <see cref="MinGroupSize"/> signers, never smaller groups.</summary>
public static class PublicNumbers
{
    public const int MinGroupSize = 5;

    public static IReadOnlyList<CountBy> TopSchools(CampaignStats stats, int max) =>
        stats.BySchool.Where(s => s.Count >= MinGroupSize)
            .OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal)
            .Take(max).ToList();

    /// <summary>"12 signers" or "fewer than 5 signers".</summary>
    public static string GroupCount(int count) =>
        count >= MinGroupSize ? $"{Replies.Count(count)} signers" : $"fewer than {MinGroupSize} signers";
}
