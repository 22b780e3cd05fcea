using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Slack;

/// <summary>A message the bot produced. <paramref name="Kind"/> is "message" (chat.postMessage), "ephemeral"
/// (chat.postEphemeral) or "response_url". <paramref name="UserId"/> is the recipient of an ephemeral/response_url
/// message or the other side of a DM.</summary>
public sealed record FakeSlackMessage(
    string Kind,
    string? TeamId,
    string? ChannelId,
    string? UserId,
    string Text,
    JsonNode? Blocks,
    bool ReplaceOriginal,
    DateTimeOffset At)
{
    public const string Posted = "message";
    public const string Ephemeral = "ephemeral";
    public const string ResponseUrl = "response_url";

    /// <summary>Everything the person would read: the fallback text and every text of the blocks.</summary>
    public string AllText => Text + "\n" + (Blocks?.ToJsonString() ?? string.Empty);
}
