using System.Text.Json.Serialization;

namespace PetitionBot.Slack.Api;

/// <summary>A message Slack sends on a Socket Mode socket, told apart by its <c>type</c>: <c>hello</c>,
/// <c>disconnect</c>, or an envelope (<c>slash_commands</c>, <c>interactive</c>, <c>events_api</c>). A type this adapter
/// does not know reads as this base record, so an unknown envelope is still acknowledged by its id.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(HelloMessage), "hello")]
[JsonDerivedType(typeof(DisconnectMessage), "disconnect")]
[JsonDerivedType(typeof(SlashCommandsEnvelope), "slash_commands")]
[JsonDerivedType(typeof(InteractiveEnvelope), "interactive")]
[JsonDerivedType(typeof(EventsApiEnvelope), "events_api")]
internal record SocketModeMessage
{
    public string? EnvelopeId { get; init; }

    public bool AcceptsResponsePayload { get; init; }

    public int? RetryAttempt { get; init; }

    public string? RetryReason { get; init; }
}
