using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Discord;

/// <summary>A payload the bot sent on the gateway: which connection (1-based), the opcode and the whole payload.</summary>
public sealed record FakeGatewayFrame(int Connection, int Op, JsonObject Payload, DateTimeOffset ReceivedAt)
{
    public JsonNode? Data => Payload["d"];
}
