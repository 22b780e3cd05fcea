namespace PetitionBot.Hosting;

/// <summary>The parsed command line: a verb, its flags, and the rest as configuration (<c>--Key=value</c>).</summary>
public sealed record CommandLine(string Verb, IReadOnlyDictionary<string, string> Flags, string[] ConfigArgs)
{
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal) { "run", "console", "totals", "export", "invalidate", "check-config", "help", "migrate" };
    private static readonly IReadOnlySet<string> FlagNames = new HashSet<string>(StringComparer.Ordinal) { "--as", "--user", "--out", "--campaign", "--server", "--since", "--until", "--to" };

    public static CommandLine Parse(string[] args)
    {
        var verb = "run";
        var start = 0;
        if (args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal))
        {
            verb = args[0].ToLowerInvariant();
            start = 1;
        }

        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var config = new List<string>();
        for (var i = start; i < args.Length; i++)
        {
            if (FlagNames.Contains(args[i]) && i + 1 < args.Length)
            {
                flags[args[i][2..]] = args[++i];
            }
            else
            {
                config.Add(args[i]);
            }
        }

        return new CommandLine(verb, flags, config.ToArray());
    }
}
