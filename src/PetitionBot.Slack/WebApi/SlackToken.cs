namespace PetitionBot.Slack.WebApi;

/// <summary>A bot token and the team it belongs to. <see cref="ToString"/> never shows the secret.</summary>
internal sealed record SlackToken(string TeamId, string Value)
{
    public override string ToString() => $"SlackToken({TeamId})";
}
