using System.Text.Json.Serialization;

namespace PetitionBot.Slack.Api;

/// <summary>An interactivity payload, told apart by its <c>type</c>. Types the adapter does not handle
/// (shortcut, view_closed, message_action, …) read as this base record and are only acknowledged.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(BlockActionsPayload), "block_actions")]
[JsonDerivedType(typeof(ViewSubmissionPayload), "view_submission")]
[JsonDerivedType(typeof(BlockSuggestionPayload), "block_suggestion")]
internal record InteractivePayload : InboundPayload
{
    public PayloadTeam? Team { get; init; }

    public PayloadUser? User { get; init; }

    /// <summary>The team of the payload: <c>team.id</c>, else the user's <c>team_id</c>.</summary>
    [JsonIgnore]
    public string? TeamId => Team?.Id ?? User?.TeamId;
}
