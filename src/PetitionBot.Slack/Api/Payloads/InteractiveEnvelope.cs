namespace PetitionBot.Slack.Api;

/// <summary>An <c>interactive</c> envelope (block_actions, view_submission, block_suggestion, …).</summary>
internal sealed record InteractiveEnvelope : SocketModeMessage
{
    public InteractivePayload? Payload { get; init; }
}
