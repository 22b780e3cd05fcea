namespace PetitionBot.Core.Campaigns;

/// <summary>The <c>Notifications</c> section: how fast signers' private messages go out.</summary>
public sealed class NotificationOptions
{
    /// <summary>Spacing between two private messages on one platform: 1.2 s = 50 a minute, Slack's Tier 3 limit of
    /// conversations.open, and well under what Discord tolerates from a bot opening DMs.</summary>
    public TimeSpan DirectMessageInterval { get; set; } = TimeSpan.FromSeconds(1.2);
}
