namespace PetitionBot.Slack.Api;

/// <summary><c>view_submission</c>: the person submitted a modal.</summary>
internal sealed record ViewSubmissionPayload : InteractivePayload
{
    public SubmittedView? View { get; init; }
}
