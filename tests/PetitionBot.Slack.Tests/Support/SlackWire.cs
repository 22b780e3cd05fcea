using System.Text.Json;
using System.Text.Json.Nodes;
using PetitionBot.Slack.Api;

namespace PetitionBot.Slack.Tests.Support;

/// <summary>Rendered records as the JSON Slack receives (through the adapter's own serializer context), so tests
/// assert on the wire shape, member names included.</summary>
internal static class SlackWire
{
    public static JsonArray Json(IReadOnlyList<Block> blocks) =>
        JsonSerializer.SerializeToNode(blocks, SlackJsonContext.Default.IReadOnlyListBlock)!.AsArray();

    public static JsonObject Json(View view) =>
        JsonSerializer.SerializeToNode(view, SlackJsonContext.Default.View)!.AsObject();
}
