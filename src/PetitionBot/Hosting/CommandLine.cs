using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PetitionBot.Hosting;

/// <summary>The parsed command line: a verb, its flags, and the rest as configuration (<c>--Key=value</c>).</summary>
public sealed record CommandLine(string Verb, IReadOnlyDictionary<string, string> Flags, string[] ConfigArgs)
{
    public static readonly IReadOnlySet<string> Verbs = new HashSet<string>(StringComparer.Ordinal) { "run", "console", "totals", "export", "invalidate", "check-config", "help", Cli.SchoolsVerb.Verb, "migrate" };

    private const string SettingsHelp = "--Key=value (e.g. --Storage:Path=data/bot.db), environment Key__Sub=value, " +
        "./appsettings.json, ./appsettings.Local.json, the file in PETITIONBOT_CONFIG.";

    /// <summary>The command tree (System.CommandLine). Every verb's action builds a <see cref="CommandLine"/> and hands
    /// it to <paramref name="run"/>; help (<c>--help</c>, <c>-h</c>, <c>help [verb]</c>) only prints. Tokens the tree does
    /// not know are configuration (<c>--Key=value</c>), passed through in order.</summary>
    public static RootCommand Build(Func<CommandLine, CancellationToken, Task<int>> run)
    {
        var root = new RootCommand("PetitionBot: a Discord and Slack petition bot. With no command it runs the bot " +
            "(or, with no chat platform configured and a terminal, the local console).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        Bind(root, "run", [], run);

        var runVerb = NewVerb("run", "Run the bot: chat adapters, announcements, HTTP listener (the default).");
        Bind(runVerb, "run", [], run);

        var asRole = new Option<string>("--as") { Description = "Act as student, leader or organizer (default: student).", HelpName = "student|leader|organizer" };
        asRole.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "student", "leader", "organizer");
        var user = new Option<string>("--user") { Description = "The name you act under (a letter-and-digit id, e.g. ana).", HelpName = "NAME" };
        var console = NewVerb("console", "The local console: every chat command, typed, against the same database.");
        Bind(console, "console", [asRole, user], run);

        var campaign = new Option<string>("--campaign") { Description = "The campaign id (default: the only or first open campaign).", HelpName = "ID" };
        var totals = NewVerb("totals", "Print the full totals of a campaign, as an organizer sees them.");
        Bind(totals, "totals", [campaign], run);

        var exportCampaign = new Option<string>("--campaign") { Description = campaign.Description, HelpName = "ID" };
        var output = new Option<string>("--out")
        {
            Description = "Where to write the CSV of named signers (the school counts go beside it). Default: " +
                "exports/<campaign>-signers-<time>.csv. An existing file is never overwritten.",
            HelpName = "FILE",
        };
        var format = new Option<string>("--format") { Description = "csv (default) or pdf: the delivery packet for the recipients.", HelpName = "csv|pdf" };
        var export = NewVerb("export", "Export the delivery list: named signers and per-school counts (files readable by you only).");
        Bind(export, "export", [exportCampaign, output, format], run);

        var invalidateCampaign = new Option<string>("--campaign") { Description = "The campaign id.", HelpName = "ID", Required = true };
        var server = new Option<string>("--server") { Description = "Only signatures from this server.", HelpName = "discord:ID|slack:TEAM" };
        var since = new Option<string>("--since") { Description = "Only signatures from this time on.", HelpName = "TIME" };
        var until = new Option<string>("--until") { Description = "Only signatures before this time.", HelpName = "TIME" };
        var invalidate = NewVerb("invalidate", "Remove spam sign-ups by server and/or time window (totals drop; recorded in the audit log).");
        Bind(invalidate, "invalidate", [invalidateCampaign, server, since, until], run);

        var checkConfig = NewVerb("check-config", "Check the settings without opening the database or connecting anywhere.");
        Bind(checkConfig, "check-config", [], run);

        var to = new Option<string>("--to") { Description = "The store to copy into: postgres (Storage:ConnectionString, an empty database).", HelpName = "postgres" };
        to.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, "postgres");
        var migrate = NewVerb("migrate", "Copy the LiteDB file into an empty PostgreSQL database and compare counts and checksums (bot stopped).");
        Bind(migrate, "migrate", [to], run);

        var topic = new Argument<string>("command") { Description = "The command to explain.", Arity = ArgumentArity.ZeroOrOne };
        topic.AcceptOnlyFromAmong([.. Verbs.Where(v => v != "help")]);
        var help = new Command("help", "Print this help, or a command's: help totals.") { topic };
        help.SetAction((parse, ct) =>
        {
            string[] again = parse.GetValue(topic) is { Length: > 0 } verb ? [verb, "--help"] : ["--help"];
            return root.Parse(again).InvokeAsync(parse.InvocationConfiguration, ct);
        });

        var schools = Cli.SchoolsVerb.Build(run);
        foreach (var verb in new[] { runVerb, console, totals, export, invalidate, checkConfig, schools, migrate, help })
        {
            root.Subcommands.Add(verb);
        }

        // The extra arguments every verb accepts are settings, not "arguments passed to the application".
        if (root.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction standard } helpOption)
        {
            helpOption.Action = new SettingsHelpAction(standard, SettingsHelp);
        }

        return root;
    }

    /// <summary>A first word that is neither a verb nor a setting (<c>Key=value</c>) is a mistyped command.</summary>
    public static string? UnknownVerb(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal) && !args[0].StartsWith('/') &&
        !Verbs.Contains(args[0]) ? args[0] : null;

    /// <summary>The first extra argument that is not a setting (<c>--Key=value</c>, <c>--Key value</c>, <c>/Key=value</c>,
    /// <c>Key=value</c>), such as a campaign typed without <c>--campaign</c>; null when all are settings.</summary>
    public static string? StrayToken(IReadOnlyList<string> configArgs)
    {
        for (var i = 0; i < configArgs.Count; i++)
        {
            var token = configArgs[i];
            var prefixed = token.StartsWith("--", StringComparison.Ordinal) || token.StartsWith('/');
            if (token.Contains('=', StringComparison.Ordinal) && (prefixed || !token.StartsWith('-')) && !token.StartsWith('='))
            {
                continue;
            }

            if (prefixed && token.TrimStart('-', '/').Length > 0 && i + 1 < configArgs.Count)
            {
                i++;
                continue;
            }

            return token;
        }

        return null;
    }

    /// <summary>True when the parse ended in errors (an unknown value, a missing required option) rather than help.</summary>
    public static bool Failed(ParseResult parse) => parse.Action is ParseErrorAction;

    private static Command NewVerb(string name, string description) => new(name, description) { TreatUnmatchedTokensAsErrors = false };

    private static void Bind(Command command, string verb, Option<string>[] options, Func<CommandLine, CancellationToken, Task<int>> run)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) =>
        {
            var flags = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var option in options)
            {
                if (parse.GetValue(option) is { } value)
                {
                    flags[option.Name.TrimStart('-')] = value;
                }
            }

            return run(new CommandLine(verb, flags, [.. parse.UnmatchedTokens]), ct);
        });
    }
}
