namespace PetitionBot.Core.Reports;

/// <summary>What the public progress page, its JSON and its badge show: totals, and only groups of at least
/// <see cref="Flows.PublicNumbers.MinGroupSize"/> signers. No names, no ids. <see cref="Percent"/> is the whole percent,
/// rounded down.</summary>
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
    DateTimeOffset UpdatedAt)
{
    /// <summary>The percent as shown in text: "48", or "&lt;1" when there are signers but under one percent.</summary>
    public string PercentText => new Interactions.Progress(Total, Goal).Percent;
}
