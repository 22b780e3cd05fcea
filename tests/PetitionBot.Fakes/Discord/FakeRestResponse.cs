using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Discord;

/// <summary>What the fake answers to one REST request.</summary>
internal sealed record FakeRestResponse(int Status, JsonNode? Body)
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static FakeRestResponse Error(int status, int code, string message) =>
        new(status, new JsonObject { ["code"] = code, ["message"] = message });
}
