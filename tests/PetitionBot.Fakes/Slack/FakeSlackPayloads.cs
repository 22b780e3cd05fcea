using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Slack;

/// <summary>Socket Mode payloads shaped like Slack's (see Slack's Socket Mode documentation).</summary>
internal static class FakeSlackPayloads
{
    public static JsonObject SlashCommand(string teamId, string userId, string command, string text, string channelId, Uri responseUrl, string trigger)
    {
        return new JsonObject
        {
            ["token"] = "verification-token",
            ["team_id"] = teamId,
            ["team_domain"] = teamId.ToLowerInvariant(),
            ["channel_id"] = channelId,
            ["channel_name"] = "general",
            ["user_id"] = userId,
            ["user_name"] = "user",
            ["command"] = command,
            ["text"] = text,
            ["api_app_id"] = "A0FAKE",
            ["is_enterprise_install"] = "false",
            ["response_url"] = responseUrl.ToString(),
            ["trigger_id"] = trigger,
        };
    }

    public static JsonObject BlockAction(string teamId, string userId, string actionId, string? value, string? selectedValue, string channelId, Uri responseUrl, string trigger)
    {
        var action = new JsonObject
        {
            ["action_id"] = actionId,
            ["block_id"] = "b1",
            ["type"] = selectedValue is null ? "button" : "static_select",
            ["action_ts"] = "1700000000.000100",
        };
        if (selectedValue is not null)
        {
            action["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = selectedValue }, ["value"] = selectedValue };
        }
        else
        {
            action["value"] = value ?? actionId;
        }

        return new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "user", ["team_id"] = teamId },
            ["api_app_id"] = "A0FAKE",
            ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = teamId.ToLowerInvariant() },
            ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = channelId, ["is_ephemeral"] = true },
            ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "general" },
            ["trigger_id"] = trigger,
            ["response_url"] = responseUrl.ToString(),
            ["actions"] = new JsonArray(action),
        };
    }

    public static JsonObject ViewSubmission(string teamId, string userId, string callbackId, IReadOnlyDictionary<string, string> values, string privateMetadata, string viewId, string trigger)
    {
        var state = new JsonObject();
        foreach (var (field, value) in values)
        {
            state[field] = new JsonObject { [field] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = teamId.ToLowerInvariant() },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "user", ["name"] = "user", ["team_id"] = teamId },
            ["api_app_id"] = "A0FAKE",
            ["trigger_id"] = trigger,
            ["view"] = new JsonObject
            {
                ["id"] = viewId,
                ["team_id"] = teamId,
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = privateMetadata,
                ["state"] = new JsonObject { ["values"] = state },
                ["hash"] = "1596530361.3wRYuk3R",
            },
            ["response_urls"] = new JsonArray(),
        };
    }
}
