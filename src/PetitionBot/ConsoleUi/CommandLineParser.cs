using PetitionBot.Core.Text;

namespace PetitionBot.ConsoleUi;

/// <summary>Parses a typed command: <c>/setup channel:announcements school:"UC Davis" strict=true</c>.</summary>
public static class CommandLineParser
{
    public static (string Command, Dictionary<string, string> Options) Parse(string line)
    {
        var words = QuotedWords.Split(line.Trim().TrimStart('/'));
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return ("", options);
        }

        var command = words[0].ToLowerInvariant();
        foreach (var word in words.Skip(1))
        {
            var separator = word.IndexOfAny([':', '=']);
            if (separator > 0)
            {
                options[word[..separator].ToLowerInvariant()] = word[(separator + 1)..];
            }
            else
            {
                options[word.ToLowerInvariant()] = "";
            }
        }

        return (command, options);
    }
}
