namespace PetitionBot.Slack.Api;

/// <summary>The answer of conversations.open: the DM channel.</summary>
internal sealed record ConversationsOpenResponse : SlackApiBody
{
    public PayloadChannel? Channel { get; init; }
}
