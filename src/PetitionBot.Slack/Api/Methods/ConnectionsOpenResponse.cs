namespace PetitionBot.Slack.Api;

/// <summary>The answer of apps.connections.open: a single-use wss URL.</summary>
internal sealed record ConnectionsOpenResponse : SlackApiBody
{
    public string? Url { get; init; }
}
