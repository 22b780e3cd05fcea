using System.Text.Json;

namespace PetitionBot.Slack.Interactions;

/// <summary>Small readers for Slack JSON payloads.</summary>
internal static class SlackPayload
{
    public static string? Str(JsonElement e, params string[] path)
    {
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
            {
                return null;
            }
        }

        return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }

    public static JsonElement Get(JsonElement e, params string[] path)
    {
        foreach (var p in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(p, out e))
            {
                return default;
            }
        }

        return e;
    }
}
