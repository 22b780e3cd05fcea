using PetitionBot.Slack.Api;

namespace PetitionBot.Slack.SocketMode;

/// <summary>Which envelopes the read loop acknowledges itself, before any handler runs: every one whose ack carries no
/// answer (slash commands, block_actions, events: their replies go by response_url or the Web API). A view_submission
/// (field errors or the next form ride in the ack) and a block_suggestion (the options are the ack) are acknowledged
/// by their handler, within Slack:FormAckBudget and Slack:AckBudget.</summary>
internal static class SocketModeAckPolicy
{
    public static bool AcksFirst(SlackEnvelope envelope) =>
        envelope.Type != SlackEnvelope.Interactive || envelope.Payload is not (ViewSubmissionPayload or BlockSuggestionPayload);

    /// <summary>When, after delivery, the read loop acknowledges an envelope its handler has not answered yet: just after
    /// the handler's own budget (a form: Slack:FormAckBudget; search options: Slack:AckBudget), so a handler on time
    /// always answers first, and a burst that keeps every worker busy does not keep Slack waiting.</summary>
    public static TimeSpan Backstop(SlackEnvelope envelope, SlackOptions options) => envelope.Payload is ViewSubmissionPayload
        ? options.FormAckBudget + TimeSpan.FromMilliseconds(100)
        : options.AckBudget + TimeSpan.FromMilliseconds(300);
}
