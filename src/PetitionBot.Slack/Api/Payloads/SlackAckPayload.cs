namespace PetitionBot.Slack.Api;

/// <summary>What an acknowledgement may carry (the Socket Mode ack's <c>payload</c>, or the HTTP response body):
/// <c>options</c> for a block_suggestion, or a view_submission's <c>response_action</c> (<c>errors</c> with the
/// messages per block_id, <c>update</c> with the next view).</summary>
internal sealed record SlackAckPayload
{
    public IReadOnlyList<OptionObject>? Options { get; init; }

    public string? ResponseAction { get; init; }

    public IReadOnlyDictionary<string, string>? Errors { get; init; }

    public View? View { get; init; }
}
