using PetitionBot.Core.Text;

namespace PetitionBot.Slack.Interactions;

/// <summary>Turns <c>/setup channel:&lt;#C1|general&gt; leader_role:&lt;!subteam^S1|@leads&gt; strict:true school:"UC Davis"</c>
/// (or the umbrella <c>/petition setup …</c>) into a catalog command and options. Channel and user-group mentions come
/// escaped from Slack (should_escape: true) and are reduced to ids; booleans to "true"/"false".</summary>
internal static class SlashCommandParser
{
    public static ParsedCommand? Parse(string command, string? text)
    {
        var name = command.TrimStart('/').Trim();
        var rest = text?.Trim() ?? string.Empty;
        if (string.Equals(name, CommandCatalog.Petition, StringComparison.OrdinalIgnoreCase) && rest.Length > 0)
        {
            var firstEnd = rest.IndexOf(' ', StringComparison.Ordinal);
            var first = firstEnd < 0 ? rest : rest[..firstEnd];
            if (CommandCatalog.Find(first) is { } sub)
            {
                name = sub.Name;
                rest = firstEnd < 0 ? string.Empty : rest[(firstEnd + 1)..].Trim();
            }
        }

        var spec = CommandCatalog.Find(name);
        if (spec is null)
        {
            return null;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in QuotedWords.Split(rest, keepQuotes: true, curlyQuotes: true))
        {
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            var key = colon > 0 ? token[..colon].Trim().ToLowerInvariant() : null;
            var option = key is null ? null : spec.Options.FirstOrDefault(o => o.Name == key);
            if (option is null)
            {
                // A bare channel mention is the channel ("/setup #announcements" arrives as "<#C123|announcements>").
                var channelOption = spec.Options.FirstOrDefault(o => o.Kind == OptionKind.Channel);
                if (key is null && channelOption is not null && !options.ContainsKey(channelOption.Name) &&
                    token.StartsWith("<#", StringComparison.Ordinal) && token.EndsWith('>'))
                {
                    options[channelOption.Name] = IdOf(token[2..^1]);
                    continue;
                }

                // A bare word that is one of an option's fixed choices sets it (e.g. "/export pdf").
                if (key is null && spec.Options.FirstOrDefault(o => o.Choices?.Contains(token.ToLowerInvariant()) == true) is { } chosen)
                {
                    options[chosen.Name] = token.ToLowerInvariant();
                    continue;
                }

                // A bare word is the campaign when that is the command's only free option besides a school (e.g. "/sign ama2025").
                var free = spec.Options.Where(o => o.Choices is null && o.Kind != OptionKind.School).ToList();
                if (key is null && free.Count == 1 && free[0].Kind == OptionKind.Campaign)
                {
                    options[free[0].Name] = Unescape(token);
                    continue;
                }

                var valid = spec.Options.Count == 0 ? "none" : string.Join(", ", spec.Options.Select(o => o.Name + ":…"));
                return new ParsedCommand(spec.Name, options, $"I did not understand \"{token}\". Options of /{spec.Name}: {valid}");
            }

            var value = Normalize(option.Kind, token[(colon + 1)..].Trim());
            if (value is null)
            {
                return new ParsedCommand(spec.Name, options, $"\"{option.Name}\" needs {Expected(option.Kind)}.");
            }

            options[option.Name] = value;
        }

        return new ParsedCommand(spec.Name, options);
    }

    private static string Expected(OptionKind kind) => kind switch
    {
        OptionKind.Channel => "a channel, like #general",
        OptionKind.Role => "a user group, like @chapter-leads",
        OptionKind.Boolean => "true or false",
        _ => "a value",
    };

    private static string? Normalize(OptionKind kind, string raw)
    {
        var value = Unquote(raw);
        switch (kind)
        {
            case OptionKind.Channel:
                if (value.StartsWith("<#", StringComparison.Ordinal) && value.EndsWith('>'))
                {
                    return IdOf(value[2..^1]);
                }

                return value.StartsWith('#') && value.Length > 1 ? value[1..] : value.Length > 0 ? value : null;
            case OptionKind.Role:
                if (value.StartsWith("<!subteam^", StringComparison.Ordinal) && value.EndsWith('>'))
                {
                    return IdOf(value[10..^1]);
                }

                return value.StartsWith('@') && value.Length > 1 ? value[1..] : value.Length > 0 ? value : null;
            case OptionKind.Boolean:
                return value.ToLowerInvariant() switch
                {
                    "true" or "yes" or "on" or "1" => "true",
                    "false" or "no" or "off" or "0" => "false",
                    _ => null,
                };
            default:
                // Slack sends a typed URL as <https://…> or <https://…|label>.
                if (value.StartsWith("<http", StringComparison.Ordinal) && value.EndsWith('>'))
                {
                    value = IdOf(value[1..^1]);
                }

                var text = Unescape(value);
                return text.Length > 0 ? text : null;
        }
    }

    private static string IdOf(string inner)
    {
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? inner : inner[..bar];
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && ((value[0] == '"' && value[^1] == '"') || (value[0] == '\u201C' && value[^1] == '\u201D')) ? value[1..^1] : value;

    /// <summary>Slack escapes &amp; &lt; &gt; in command text; the core wants what the person typed.</summary>
    private static string Unescape(string value) =>
        Unquote(value).Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
