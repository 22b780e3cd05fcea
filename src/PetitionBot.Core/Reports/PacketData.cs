using PetitionBot.Core.Campaigns;

namespace PetitionBot.Core.Reports;

/// <summary>Everything the delivery packet shows, already grouped and sorted: <see cref="Schools"/> alphabetically,
/// <see cref="SchoolsByCount"/> largest first.</summary>
public sealed record PacketData(
    CampaignDefinition Campaign,
    DateTimeOffset GeneratedAt,
    int Total,
    int Named,
    IReadOnlyList<PacketSchool> Schools,
    IReadOnlyList<PacketSchool> SchoolsByCount,
    IReadOnlyList<CountBy> ByStage,
    IReadOnlyList<CountBy> ByVerification,
    IReadOnlyList<RecipientResponse> Responses)
{
    public int CountedOnly => Total - Named;
}
