using System.Text.Json;
using PetitionBot.Slack.Api;

namespace PetitionBot.Slack.SocketMode;

/// <summary>Reads the text messages of a Socket Mode socket into <see cref="SocketModeMessage"/> records and turns
/// envelopes into the transport-neutral <see cref="SlackEnvelope"/>.</summary>
internal static class SocketModeMessages
{
    /// <summary>Marks an envelope whose type this adapter does not know, or whose payload it cannot read.</summary>
    public const string UnknownType = "unknown";

    /// <summary>The message; an envelope whose payload does not have the documented shape reads as a bare
    /// <see cref="SocketModeMessage"/> with its id (so it is still acknowledged). Throws <see cref="JsonException"/>
    /// for text that is not a JSON object.</summary>
    public static SocketModeMessage? Read(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, SlackJsonContext.Default.SocketModeMessage);
        }
        catch (JsonException)
        {
            var bare = JsonSerializer.Deserialize(text, SlackJsonContext.Default.SocketModeEnvelopeId);
            if (bare?.EnvelopeId is not { Length: > 0 } id)
            {
                throw;
            }

            return new SocketModeMessage { EnvelopeId = id };
        }
    }

    /// <summary>The envelope a message carries, or null when it has no envelope_id (hello, disconnect, junk).</summary>
    public static SlackEnvelope? ToEnvelope(SocketModeMessage message, DateTimeOffset receivedAt)
    {
        if (message.EnvelopeId is not { Length: > 0 } id)
        {
            return null;
        }

        var (type, payload) = message switch
        {
            SlashCommandsEnvelope e => (SlackEnvelope.SlashCommands, (InboundPayload?)e.Payload),
            InteractiveEnvelope e => (SlackEnvelope.Interactive, e.Payload),
            EventsApiEnvelope e => (SlackEnvelope.EventsApi, e.Payload),
            _ => (UnknownType, null),
        };
        return new SlackEnvelope(id, type, payload, message.AcceptsResponsePayload, message.RetryAttempt ?? 0, message.RetryReason, receivedAt);
    }
}
