using PetitionBot.Core.Interactions;

namespace PetitionBot.ConsoleUi;

/// <summary>Reads options the way the console shows them: <c>channel:#announcements</c>, <c>verified_role:@leader</c>,
/// or a bare <c>#announcements</c> for the command's channel option. Channels and roles of the console are plain ids,
/// printed with # and @ in front, so the prefix is dropped.</summary>
public static class ConsoleOptions
{
    public static Dictionary<string, string> Normalize(string command, Dictionary<string, string> options)
    {
        if (CommandCatalog.Find(command) is not { } spec)
        {
            return options;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var channel = spec.Options.FirstOrDefault(o => o.Kind == OptionKind.Channel);
        foreach (var (key, value) in options)
        {
            if (channel is not null && key.Length > 1 && key[0] == '#' && value.Length == 0 && !options.ContainsKey(channel.Name))
            {
                result[channel.Name] = key[1..];
                continue;
            }

            result[key] = spec.Options.FirstOrDefault(o => o.Name == key)?.Kind switch
            {
                OptionKind.Channel when value.Length > 1 && value[0] == '#' => value[1..],
                OptionKind.Role when value.Length > 1 && value[0] == '@' => value[1..],
                _ => value,
            };
        }

        return result;
    }
}
