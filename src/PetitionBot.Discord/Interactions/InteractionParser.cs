using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Discord.Rendering;

namespace PetitionBot.Discord.Interactions;

/// <summary>Translates INTERACTION_CREATE payloads into the core's neutral inputs.</summary>
internal static class InteractionParser
{
    private static readonly BigInteger Administrator = 0x8;
    private static readonly BigInteger ManageGuild = 0x20;

    public static ParsedInteraction? Parse(JsonElement interaction)
    {
        var id = Str(interaction, "id");
        var token = Str(interaction, "token");
        if (id is null || token is null || !interaction.TryGetProperty("type", out var typeEl) || !typeEl.TryGetInt32(out var type))
        {
            return null;
        }

        var actor = ActorOf(interaction);
        var channelId = Str(interaction, "channel_id");
        var data = interaction.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        switch (type)
        {
            case ParsedInteraction.ApplicationCommand:
                var name = Str(data, "name") ?? "";
                return new ParsedInteraction(id, token, type, CommandInput.Create(actor, channelId, name, Options(data)), name);
            case ParsedInteraction.MessageComponent:
                var customId = Str(data, "custom_id") ?? "";
                if (customId.StartsWith(ReplyRenderer.FormButtonPrefix, StringComparison.Ordinal))
                {
                    return new ParsedInteraction(id, token, type, null, FormButtonToken: customId[ReplyRenderer.FormButtonPrefix.Length..]);
                }

                var values = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array
                    ? v.EnumerateArray().Select(x => x.ToString()).ToList()
                    : [];
                return new ParsedInteraction(id, token, type, new ChoiceInput(actor, channelId, customId, values));
            case ParsedInteraction.Autocomplete:
                return Focused(data) is { } focused
                    ? new ParsedInteraction(id, token, type, null, Str(data, "name"), Suggest: new SuggestInput(actor, channelId, focused.Name, focused.Value))
                    : new ParsedInteraction(id, token, type, null);
            case ParsedInteraction.ModalSubmit:
                return new ParsedInteraction(id, token, type, new FormInput(actor, channelId, Str(data, "custom_id") ?? "", ModalFields(data)));
            default:
                return new ParsedInteraction(id, token, type, null);
        }
    }

    public static Actor ActorOf(JsonElement interaction)
    {
        var guildId = Str(interaction, "guild_id") ?? "";
        var hasMember = interaction.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object;
        var user = hasMember && member.TryGetProperty("user", out var mu) ? mu
            : interaction.TryGetProperty("user", out var u) ? u : default;
        var roles = hasMember && member.TryGetProperty("roles", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length > 0).ToList()
            : [];
        var admin = hasMember && BigInteger.TryParse(Str(member, "permissions"), NumberStyles.None, CultureInfo.InvariantCulture, out var perms)
            && ((perms & Administrator) != 0 || (perms & ManageGuild) != 0);
        return DiscordIdentityScheme.ActorFor(guildId, Str(user, "id") ?? "", roles, admin);
    }

    private static Dictionary<string, string> Options(JsonElement data)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array)
        {
            foreach (var option in options.EnumerateArray())
            {
                if (Str(option, "name") is { } name && option.TryGetProperty("value", out var value))
                {
                    result[name] = value.ValueKind switch
                    {
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        JsonValueKind.String => value.GetString() ?? "",
                        _ => value.GetRawText(),
                    };
                }
            }
        }

        return result;
    }

    /// <summary>The option being typed in an autocomplete interaction (<c>focused: true</c>; a sub-command's options nest).</summary>
    private static (string Name, string Value)? Focused(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var option in options.EnumerateArray())
        {
            if (option.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True && Str(option, "name") is { } name)
            {
                return (name, option.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : Str(option, "value") ?? "");
            }

            if (Focused(option) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    /// <summary>Text inputs of a modal submit, in the Label shape (type 18 → component) and the legacy Action Row shape
    /// (type 1 → components[]).</summary>
    public static Dictionary<string, string> ModalFields(JsonElement data)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
        {
            return fields;
        }

        foreach (var top in components.EnumerateArray())
        {
            if (top.TryGetProperty("component", out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                AddField(fields, inner);
            }

            if (top.TryGetProperty("components", out var children) && children.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in children.EnumerateArray())
                {
                    AddField(fields, child);
                }
            }
        }

        return fields;
    }

    private static void AddField(Dictionary<string, string> fields, JsonElement input)
    {
        if (Str(input, "custom_id") is not { } customId)
        {
            return;
        }

        if (Str(input, "value") is { } value)
        {
            fields[customId] = value;
        }
        else if (input.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            fields[customId] = string.Join(",", values.EnumerateArray().Select(x => x.ToString()));
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
