using System.Globalization;
using PetitionBot.Core.Campaigns;

namespace PetitionBot.Core.Flows;

/// <summary>Sentences more than one flow says.</summary>
public static class Replies
{
    public static Reply Expired { get; } = Reply.Private(
        "This step has expired or is not yours, so nothing was changed. Please start again with the command.");

    public static Reply NotAllowed(string what) => Reply.Private($"Only {what} can use this command here.");

    public static Reply Closed(CampaignDefinition campaign) => new()
    {
        Title = campaign.Title,
        Text = $"This petition closed on {Date(campaign.ClosesAt!.Value)} and no longer takes signatures. Thank you for your support.",
    };

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 signature", "1,234 signatures".</summary>
    public static string Signatures(int n) => n == 1 ? "1 signature" : $"{Count(n)} signatures";
}
