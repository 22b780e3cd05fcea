using System.Text.Json;
using System.Text.Json.Serialization;

namespace PetitionBot.Discord.Rest;

/// <summary>JSON settings for Discord payloads: snake_case names, nulls omitted.</summary>
internal static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
