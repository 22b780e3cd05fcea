namespace PetitionBot.Core.Campaigns;

/// <summary>The <c>Abuse</c> section: per-person command rate.</summary>
public sealed class AbuseOptions
{
    /// <summary>Interactions one person may make per minute (a sign-up takes 4-5).</summary>
    public int InteractionsPerMinute { get; set; } = 30;
}
