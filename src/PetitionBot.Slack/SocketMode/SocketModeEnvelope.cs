using System.Text.Json;

namespace PetitionBot.Slack.SocketMode;

/// <summary>A Socket Mode envelope: <c>{envelope_id, type, payload, accepts_response_payload, retry_attempt, retry_reason}</c>.
/// <paramref name="ReceivedAt"/> is when the read loop saw it (the 3-second ack deadline counts from there).</summary>
public sealed record SocketModeEnvelope(
    string EnvelopeId,
    string Type,
    JsonElement Payload,
    bool AcceptsResponsePayload,
    int RetryAttempt,
    string? RetryReason,
    DateTimeOffset ReceivedAt)
{
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";
    public const string EventsApi = "events_api";

    /// <summary>The trigger_id of the payload, if any (unique per user action: a second key for duplicates).</summary>
    public string? TriggerId => Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("trigger_id", out var t) ? t.GetString() : null;
}
