namespace PetitionBot.Core.Campaigns;

/// <summary>How long a half-finished flow (sign, update) waits for its next step: <c>Flows:DraftLifetime</c>.</summary>
public sealed class FlowOptions
{
    public TimeSpan DraftLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
