namespace PetitionBot.Slack.Api;

/// <summary>The acknowledgement sent on the socket an envelope came from: <c>{"envelope_id": …, "payload": …}</c>.</summary>
internal sealed record SocketModeAck(string EnvelopeId, SlackAckPayload? Payload);
