namespace PetitionBot.Core.Storage;

/// <summary>Aggregates kept up to date with every signature (never computed by scanning signatures).
/// <see cref="ByDay"/> keys are UTC dates "yyyy-MM-dd" in ascending order; <see cref="Last24Hours"/> and
/// <see cref="Last7Days"/> count from hourly aggregates up to the "now" the caller passed.</summary>
public sealed record CampaignStats(
    string CampaignId,
    int Total,
    int Named,
    IReadOnlyList<CountBy> BySchool,
    IReadOnlyList<CountBy> ByStage,
    IReadOnlyList<CountBy> ByPlatform,
    IReadOnlyList<CountBy> ByDay,
    int Last24Hours,
    int Last7Days)
{
    /// <summary>Signatures by how they were verified: keys are <see cref="Verification"/> names.</summary>
    public IReadOnlyList<CountBy> ByVerification { get; init; } = [];

    /// <summary>Per school and method: key "&lt;school key&gt;|&lt;Verification name&gt;", label the method's name.</summary>
    public IReadOnlyList<CountBy> BySchoolVerification { get; init; } = [];

    /// <summary>How many signatures of the school with <paramref name="schoolKey"/> were verified by <paramref name="method"/>.</summary>
    public int SchoolCount(string schoolKey, Verification method) =>
        BySchoolVerification.FirstOrDefault(c => c.Key == schoolKey + "|" + method)?.Count ?? 0;

    public int Count(Verification method) => ByVerification.FirstOrDefault(c => c.Key == method.ToString())?.Count ?? 0;

    public static CampaignStats Empty(string campaignId) => new(campaignId, 0, 0, [], [], [], [], 0, 0);
}
