using PetitionBot.Slack.Api;

namespace PetitionBot.Slack.Envelopes;

/// <summary>One thing Slack sent the app, whichever transport brought it: Socket Mode (an envelope
/// <c>{envelope_id, type, payload, accepts_response_payload, retry_attempt, retry_reason}</c>) or HTTP mode (a signed
/// POST to the commands, interactivity or events URL, numbered <c>http:N</c>). <paramref name="Payload"/> is the
/// payload as its record (<see cref="SlashCommandPayload"/>, an <see cref="InteractivePayload"/>, an
/// <see cref="EventsApiPayload"/>), or null when it had none this adapter can read (then it is only acknowledged).
/// <paramref name="ReceivedAt"/> is when the transport saw it (the 3-second ack deadline counts from there).</summary>
internal sealed record SlackEnvelope(
    string Id,
    string Type,
    InboundPayload? Payload,
    bool AcceptsResponsePayload,
    int RetryAttempt,
    string? RetryReason,
    DateTimeOffset ReceivedAt)
{
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";
    public const string EventsApi = "events_api";

    /// <summary>The trigger_id of the payload, if any (unique per user action: a second key for duplicates).</summary>
    public string? TriggerId => Payload?.TriggerId;
}
