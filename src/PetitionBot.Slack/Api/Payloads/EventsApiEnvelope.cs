namespace PetitionBot.Slack.Api;

/// <summary>An <c>events_api</c> envelope.</summary>
internal sealed record EventsApiEnvelope : SocketModeMessage
{
    public EventsApiPayload? Payload { get; init; }
}
