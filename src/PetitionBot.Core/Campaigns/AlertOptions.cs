namespace PetitionBot.Core.Campaigns;

/// <summary>The <c>Alerts</c> section: where organizers are told about unusual activity, and what counts as unusual.</summary>
public sealed class AlertOptions
{
    /// <summary>"discord", "slack" or "console"; empty disables alerts.</summary>
    public string? Platform { get; set; }

    /// <summary>The id of the server the alert channel is in (Discord guild id, Slack team id). Named after the
    /// configuration key <c>Alerts:WorkspaceId</c>, which existing configuration files use.</summary>
    public string? WorkspaceId { get; set; }

    public string? ChannelId { get; set; }

    /// <summary>Signatures from one server within <see cref="SpikeWindow"/> that raise an alert.</summary>
    public int SpikeThreshold { get; set; } = 50;

    public TimeSpan SpikeWindow { get; set; } = TimeSpan.FromMinutes(10);
}
