using System.Globalization;
using System.Numerics;
using PetitionBot.Discord.Api;
using PetitionBot.Discord.Rendering;

namespace PetitionBot.Discord.Interactions;

/// <summary>Maps an <see cref="InteractionPayload"/> to the core's neutral inputs. Nothing is refused here for its
/// length: the core checks what it receives.</summary>
internal static class InteractionParser
{
    private static readonly BigInteger Administrator = 0x8;
    private static readonly BigInteger ManageGuild = 0x20;

    /// <summary>Null when the interaction has no id, token or type (nothing to answer).</summary>
    public static ParsedInteraction? Parse(InteractionPayload interaction)
    {
        if (interaction is not { Id: { } id, Token: { } token, Type: { } type })
        {
            return null;
        }

        var actor = ActorOf(interaction);
        var channelId = interaction.ChannelId;
        var data = interaction.Data;
        switch (type)
        {
            case ParsedInteraction.ApplicationCommand:
                var name = data?.Name ?? "";
                return new ParsedInteraction(id, token, type, CommandInput.Create(actor, channelId, name, Options(data?.Options)), name);
            case ParsedInteraction.MessageComponent:
                var customId = data?.CustomId ?? "";
                if (customId.StartsWith(ReplyRenderer.FormButtonPrefix, StringComparison.Ordinal))
                {
                    return new ParsedInteraction(id, token, type, null, FormButtonToken: customId[ReplyRenderer.FormButtonPrefix.Length..]);
                }

                return new ParsedInteraction(id, token, type, new ChoiceInput(actor, channelId, customId, data?.Values ?? []));
            case ParsedInteraction.Autocomplete:
                return Focused(data?.Options) is { } focused
                    ? new ParsedInteraction(id, token, type, null, data?.Name, Suggest: new SuggestInput(actor, channelId, focused.Name, focused.Value))
                    : new ParsedInteraction(id, token, type, null);
            case ParsedInteraction.ModalSubmit:
                return new ParsedInteraction(id, token, type, new FormInput(actor, channelId, data?.CustomId ?? "", ModalFields(data)));
            default:
                return new ParsedInteraction(id, token, type, null);
        }
    }

    /// <summary>Who acted: the member's user in a server (with roles and whether Administrator or Manage Server is in
    /// the permissions), the user in a direct message.</summary>
    public static Actor ActorOf(InteractionPayload interaction)
    {
        var member = interaction.Member;
        var user = member?.User ?? interaction.User;
        var roles = member?.Roles?.Where(r => !string.IsNullOrEmpty(r)).ToList() ?? [];
        var admin = member is not null
            && BigInteger.TryParse(member.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var perms)
            && ((perms & Administrator) != 0 || (perms & ManageGuild) != 0);
        return DiscordIdentityScheme.ActorFor(interaction.GuildId ?? "", user?.Id ?? "", roles, admin);
    }

    /// <summary>The top-level options that carry a value, by name.</summary>
    private static Dictionary<string, string> Options(IReadOnlyList<InteractionOptionPayload>? options)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in options ?? [])
        {
            if (option is { Name: { } name, Value: { } value })
            {
                result[name] = value;
            }
        }

        return result;
    }

    /// <summary>The option being typed in an autocomplete interaction (<c>focused: true</c>; a sub-command's options nest).</summary>
    private static (string Name, string Value)? Focused(IReadOnlyList<InteractionOptionPayload>? options)
    {
        foreach (var option in options ?? [])
        {
            if (option is { Focused: true, Name: { } name })
            {
                return (name, option.Value ?? "");
            }

            if (Focused(option.Options) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    /// <summary>Inputs of a modal submit, in the Label shape (type 18 → component) and the legacy Action Row shape
    /// (type 1 → components[]): a text input's value, a select's values joined by commas. Components of other types
    /// (text display, unknown ones) are ignored.</summary>
    public static Dictionary<string, string> ModalFields(InteractionDataPayload? data)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var top in data?.Components ?? [])
        {
            switch (top)
            {
                case LabelPayload { Component: { } inner }:
                    AddField(fields, inner);
                    break;
                case ActionRowPayload { Components: { } children }:
                    foreach (var child in children)
                    {
                        AddField(fields, child);
                    }

                    break;
            }
        }

        return fields;
    }

    private static void AddField(Dictionary<string, string> fields, ComponentPayload? input)
    {
        switch (input)
        {
            case TextInputPayload { CustomId: { } customId, Value: { } value }:
                fields[customId] = value;
                break;
            case StringSelectPayload { CustomId: { } customId, Values: { } values }:
                fields[customId] = string.Join(",", values);
                break;
        }
    }
}
