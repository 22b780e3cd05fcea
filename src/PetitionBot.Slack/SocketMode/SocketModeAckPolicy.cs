using PetitionBot.Slack.Api;

namespace PetitionBot.Slack.SocketMode;

/// <summary>Which envelopes the read loop acknowledges itself, before any handler runs: every one whose ack carries no
/// answer (slash commands, block_actions, events: their replies go by response_url or the Web API). A view_submission
/// (field errors or the next form ride in the ack) and a block_suggestion (the options are the ack) are acknowledged
/// by their handler, within Slack:AckBudget.</summary>
internal static class SocketModeAckPolicy
{
    public static bool AcksFirst(SlackEnvelope envelope) =>
        envelope.Type != SlackEnvelope.Interactive || envelope.Payload is not (ViewSubmissionPayload or BlockSuggestionPayload);
}
