using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Slack;

/// <summary>The acknowledgement a client sent for an envelope: on which connection, and the payload if any.</summary>
public sealed record FakeSlackAck(string EnvelopeId, JsonObject? Payload, int ConnectionId, DateTimeOffset At)
{
    public string? ResponseAction => Payload?["response_action"]?.GetValue<string>();
}
