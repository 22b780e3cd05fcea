using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Reports;

/// <summary>What the public progress page, its JSON and its badge show: totals, and only groups of at least
/// <see cref="Flows.PublicNumbers.MinGroupSize"/> signers. No names, no ids.</summary>
public sealed record PublicProgress(
    string CampaignId,
    string Title,
    string Summary,
    string ExternalUrl,
    IReadOnlyList<string> Recipients,
    int Total,
    int Goal,
    int Percent,
    bool Closed,
    IReadOnlyList<CountBy> Schools,
    IReadOnlyList<CountBy> Stages,
    IReadOnlyList<RecipientResponse> Responses,
    DateTimeOffset UpdatedAt);
