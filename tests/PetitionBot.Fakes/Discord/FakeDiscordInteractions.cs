using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Discord;

/// <summary>Builds INTERACTION_CREATE payloads shaped like Discord's (guild member with roles and permissions, or a
/// DM user) for <see cref="FakeDiscordServer.SendInteractionAsync"/>.</summary>
public static class FakeDiscordInteractions
{
    /// <summary>Permissions string of an ordinary member (VIEW_CHANNEL, SEND_MESSAGES, USE_APPLICATION_COMMANDS).</summary>
    public const string MemberPermissions = "2147486720";

    /// <summary>Permissions string with MANAGE_GUILD (0x20).</summary>
    public const string ManageServerPermissions = "2147486752";

    public static JsonObject SlashCommand(FakeDiscordServer server, string? guildId, string userId, string name,
        IReadOnlyDictionary<string, JsonNode?>? options = null, IReadOnlyList<string>? roles = null, string permissions = MemberPermissions)
    {
        var data = new JsonObject { ["id"] = server.NextId(), ["name"] = name, ["type"] = 1 };
        if (options is { Count: > 0 })
        {
            data["options"] = new JsonArray(options.Select(o => (JsonNode)new JsonObject
            {
                ["name"] = o.Key,
                ["type"] = o.Value?.GetValueKind() == System.Text.Json.JsonValueKind.True || o.Value?.GetValueKind() == System.Text.Json.JsonValueKind.False ? 5 : 3,
                ["value"] = o.Value?.DeepClone(),
            }).ToArray());
        }

        return Create(server, 2, guildId, userId, data, roles, permissions);
    }

    /// <summary>An APPLICATION_COMMAND_AUTOCOMPLETE interaction (type 4): the person is typing <paramref name="typed"/>
    /// into the STRING option <paramref name="focused"/> (marked <c>focused: true</c>) of command <paramref name="name"/>.</summary>
    public static JsonObject Autocomplete(FakeDiscordServer server, string? guildId, string userId, string name, string focused, string typed,
        IReadOnlyList<string>? roles = null, string permissions = MemberPermissions)
    {
        var data = new JsonObject
        {
            ["id"] = server.NextId(),
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = focused, ["type"] = 3, ["value"] = typed, ["focused"] = true }),
        };
        return Create(server, 4, guildId, userId, data, roles, permissions);
    }

    public static JsonObject Button(FakeDiscordServer server, string? guildId, string userId, string customId,
        IReadOnlyList<string>? roles = null, string permissions = MemberPermissions) =>
        Create(server, 3, guildId, userId, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }, roles, permissions);

    public static JsonObject Select(FakeDiscordServer server, string? guildId, string userId, string customId, IReadOnlyList<string> values,
        IReadOnlyList<string>? roles = null, string permissions = MemberPermissions) =>
        Create(server, 3, guildId, userId, new JsonObject
        {
            ["custom_id"] = customId,
            ["component_type"] = 3,
            ["values"] = new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
        }, roles, permissions);

    /// <summary>A modal submit; <paramref name="legacyActionRows"/> uses the older Action Row shape instead of Labels.</summary>
    public static JsonObject ModalSubmit(FakeDiscordServer server, string? guildId, string userId, string customId,
        IReadOnlyDictionary<string, string> fields, bool legacyActionRows = false, IReadOnlyList<string>? roles = null, string permissions = MemberPermissions)
    {
        var id = 1;
        var components = fields.Select(f =>
        {
            var input = new JsonObject { ["type"] = 4, ["id"] = id + 1, ["custom_id"] = f.Key, ["value"] = f.Value };
            JsonNode row = legacyActionRows
                ? new JsonObject { ["type"] = 1, ["id"] = id, ["components"] = new JsonArray(input) }
                : new JsonObject { ["type"] = 18, ["id"] = id, ["component"] = input };
            id += 2;
            return row;
        }).ToArray();
        return Create(server, 5, guildId, userId, new JsonObject { ["custom_id"] = customId, ["components"] = new JsonArray(components) }, roles, permissions);
    }

    private static JsonObject Create(FakeDiscordServer server, int type, string? guildId, string userId, JsonObject data,
        IReadOnlyList<string>? roles, string permissions)
    {
        var id = server.NextId();
        var user = new JsonObject { ["id"] = userId, ["username"] = "user" + userId[^4..], ["discriminator"] = "0", ["avatar"] = null };
        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = server.Options.ApplicationId,
            ["type"] = type,
            ["data"] = data,
            ["channel_id"] = "300000000000000001",
            ["token"] = "interaction-token-" + id,
            ["version"] = 1,
            ["locale"] = "en-US",
            ["app_permissions"] = "442368",
        };
        if (guildId is null)
        {
            interaction["user"] = user;
            interaction["context"] = 1;
        }
        else
        {
            interaction["guild_id"] = guildId;
            interaction["guild_locale"] = "en-US";
            interaction["context"] = 0;
            interaction["member"] = new JsonObject
            {
                ["user"] = user,
                ["roles"] = new JsonArray((roles ?? []).Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
                ["permissions"] = permissions,
                ["nick"] = null,
                ["joined_at"] = "2025-01-01T00:00:00.000000+00:00",
                ["deaf"] = false,
                ["mute"] = false,
                ["pending"] = false,
            };
        }

        return interaction;
    }
}
