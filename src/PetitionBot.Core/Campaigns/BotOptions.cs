namespace PetitionBot.Core.Campaigns;

/// <summary>The core's settings, bound from the configuration root (<c>Campaigns</c>, <c>Organizers</c>, <c>Updates</c>, <c>Flows</c>).</summary>
public sealed class BotOptions
{
    public List<CampaignDefinition> Campaigns { get; set; } = [];

    /// <summary>"discord:&lt;userId&gt;", "slack:&lt;teamId&gt;:&lt;userId&gt;" or "console:&lt;name&gt;".</summary>
    public List<string> Organizers { get; set; } = [];

    public UpdateOptions Updates { get; set; } = new();

    public FlowOptions Flows { get; set; } = new();

    public AbuseOptions Abuse { get; set; } = new();

    public AlertOptions Alerts { get; set; } = new();
}
