using System.Text.Json.Serialization;

namespace PetitionBot.Slack.Api;

/// <summary>A modal view as views.open / views.update / <c>response_action: update</c> take it: title, submit and close
/// ≤ 24 characters, up to 100 blocks, private_metadata ≤ 3000.</summary>
internal sealed record View(PlainText Title, PlainText Close, IReadOnlyList<Block> Blocks)
{
    [JsonPropertyOrder(-1)]
    public string Type => "modal";

    public string? CallbackId { get; init; }

    public PlainText? Submit { get; init; }

    public string? PrivateMetadata { get; init; }
}
