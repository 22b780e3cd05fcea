namespace PetitionBot.Slack.Api;

/// <summary>The <c>view</c> of a view_submission: what the adapter set (callback_id, private_metadata) and the state.
/// Its blocks are not read, so block types the adapter does not know cannot break parsing.</summary>
internal sealed record SubmittedView
{
    public string? Id { get; init; }

    public string? CallbackId { get; init; }

    public string? PrivateMetadata { get; init; }

    public ViewState? State { get; init; }
}
