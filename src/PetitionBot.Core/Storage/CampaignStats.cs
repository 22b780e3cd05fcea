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
    /// <summary>Signatures per <see cref="Verification"/> (key and label: its name). Empty where the store keeps none.</summary>
    public IReadOnlyList<CountBy> ByVerification { get; init; } = [];

    /// <summary>Signatures per school and method: key "schoolKey|VerificationName", label the school as first written.</summary>
    public IReadOnlyList<CountBy> BySchoolVerification { get; init; } = [];

    public static CampaignStats Empty(string campaignId) => new(campaignId, 0, 0, [], [], [], [], 0, 0);
}
