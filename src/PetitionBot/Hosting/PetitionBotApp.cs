using Microsoft.Extensions.Options;
using PetitionBot.Cli;
using PetitionBot.ConsoleUi;
using PetitionBot.Storage.LiteDb;

namespace PetitionBot.Hosting;

/// <summary>The process entry: picks the mode from the verb and the configuration, runs it, and turns start-up
/// failures into one clear line and an exit code (2 configuration, 3 database in use, 1 anything else, 75 stopped to
/// be restarted).</summary>
public static class PetitionBotApp
{
    public const int ConfigError = 2;
    public const int StoreLocked = 3;

    /// <summary>Exit code after SIGHUP (EX_TEMPFAIL): non-zero, so "restart on failure" supervisors start the bot again.</summary>
    public const int RestartExitCode = 75;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error,
        IDictionary<string, string?>? overrides = null, CancellationToken ct = default)
    {
        if (CommandLine.UnknownVerb(args) is { } unknown)
        {
            await error.WriteLineAsync($"Unknown command \"{unknown}\". Commands: run (default), console, totals, export, invalidate, schools, check-config, migrate; petitionbot --help explains them.");
            return ConfigError;
        }

        var root = CommandLine.Build((cli, token) => RunVerbAsync(cli, input, output, error, overrides, token));
        var parse = root.Parse(args, new System.CommandLine.ParserConfiguration { ResponseFileTokenReplacer = null });
        if (CommandLine.Failed(parse))
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await error.WriteLineAsync($"petitionbot {(parse.CommandResult.Command == root ? "" : parse.CommandResult.Command.Name + " ")}--help explains the options.");
            return ConfigError;
        }

        // Help prints and returns here, before any settings are read or any file is created. The host handles
        // signals itself (graceful stop, SIGHUP restart): System.CommandLine must not end the process on Ctrl+C.
        return await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        }, ct);
    }

    private static async Task<int> RunVerbAsync(CommandLine cli, TextReader input, TextWriter output, TextWriter error,
        IDictionary<string, string?>? overrides, CancellationToken ct)
    {
        if (CommandLine.StrayToken(cli.ConfigArgs) is { } stray)
        {
            await error.WriteLineAsync($"I did not understand \"{stray}\". Settings are given as --Key=value; petitionbot {cli.Verb} --help lists the options.");
            return ConfigError;
        }

        if (!ConfigurationLoader.TryLoad(cli.ConfigArgs, overrides, out var configuration, out var fileProblem))
        {
            await error.WriteLineAsync(fileProblem);
            return ConfigError;
        }

        if (cli.Verb == "check-config")
        {
            return await ConfigCheck.RunAsync(configuration!, output, error, ct);
        }

        if (cli.Verb == "migrate")
        {
            return await MigrateAsync(configuration!, cli, output, error, ct);
        }

        var mode = cli.Verb switch
        {
            "console" => HostMode.Console,
            "totals" or "export" or "invalidate" or SchoolsVerb.Verb => HostMode.Cli,
            _ => HostMode.Bot,
        };
        if (mode == HostMode.Bot && !PlatformSettings.From(configuration!).Any)
        {
            if (Console.IsInputRedirected || input != Console.In)
            {
                await error.WriteLineAsync(PlatformSettings.MissingMessage);
                return ConfigError;
            }

            mode = HostMode.Console;
        }

        var role = ConsoleRole.Student;
        if (cli.Flags.TryGetValue("as", out var asText) && !ConsoleIdentity.TryParseRole(asText, out role))
        {
            await error.WriteLineAsync("--as takes student, leader or organizer.");
            return ConfigError;
        }

        try
        {
            using var app = PetitionHost.Build(new PetitionHostOptions(mode, cli.ConfigArgs)
            {
                Overrides = overrides,
                Console = new ConsoleSettings(role, cli.Flags.GetValueOrDefault("user")),
                ConsoleIo = new ConsoleIo(input, output),
            });
            ValidateSettings(app.Services);

            // Open the database now: a file held by another process is one clear line, not a failed host start.
            _ = app.Services.GetRequiredService<Core.Ports.ISignatureStore>();
            if (mode != HostMode.Cli)
            {
                foreach (var warning in ExternalUrlCheck.Warnings(configuration!))
                {
                    await error.WriteLineAsync($"Warning: {warning}");
                }

                if (app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.KeyBesideDatabaseWarning() is { } keyWarning)
                {
                    await error.WriteLineAsync($"Warning: {keyWarning}");
                }

                if (mode == HostMode.Bot && Email.PickupInChatWarning.For(configuration!) is { } pickupWarning)
                {
                    await error.WriteLineAsync($"Warning: {pickupWarning}");
                }
            }

            if (mode == HostMode.Cli)
            {
                await app.StartAsync(ct);
                var code = cli.Verb switch
                {
                    "totals" => await CliVerbs.TotalsAsync(app.Services, cli.Flags.GetValueOrDefault("campaign"), output, error, ct),
                    "invalidate" => await InvalidateVerb.RunAsync(app.Services, cli.Flags, output, error, ct),
                    "export" when cli.Flags.GetValueOrDefault("format") is { } format && format != "csv" => format == "pdf"
                        ? await PacketVerb.RunAsync(app.Services, cli.Flags.GetValueOrDefault("campaign"), cli.Flags.GetValueOrDefault("out"), output, error, ct)
                        : await PacketVerb.UnknownFormatAsync(error),
                    SchoolsVerb.Verb => await SchoolsVerb.RunAsync(app.Services, cli.Flags, output, error, ct),
                    "export" => await CliVerbs.ExportAsync(app.Services, cli.Flags.GetValueOrDefault("campaign"), cli.Flags.GetValueOrDefault("out"), output, error, ct),
                    _ => throw new InvalidOperationException($"No CLI verb \"{cli.Verb}\"."),
                };
                await app.StopAsync(CancellationToken.None);
                return code;
            }

            var shutdown = app.Services.GetRequiredService<Core.Ports.ShutdownIntent>();
            using var restart = mode == HostMode.Bot ? RestartSignal.Listen(app.Services) : null;
            await app.RunAsync(ct);
            return shutdown.IsRestart ? RestartExitCode : 0;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync($"Configuration error: {failure}");
            }

            return ConfigError;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"Configuration error: {ex.Message}");
            return ConfigError;
        }
        catch (StoreLockedException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return StoreLocked;
        }
        catch (SecretKeyException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ConfigError;
        }
    }

    /// <summary>Reads every validated settings class once, so a bad setting fails here with its key, before anything starts.</summary>
    private static void ValidateSettings(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<Core.Campaigns.BotOptions>>().Value;
        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Schools.SchoolOptions>>().Value;
        _ = services.GetRequiredService<IOptions<Email.EmailOptions>>().Value;
        if (services.GetService<IOptions<HttpOptions>>() is { } http)
        {
            _ = http.Value;
        }

        StartupValidation.Run(services);
    }

    /// <summary><c>migrate --to postgres</c>: no host; the LiteDB file's lock refuses while the bot runs.</summary>
    private static async Task<int> MigrateAsync(IConfiguration configuration, CommandLine cli, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            return await MigrateVerb.RunAsync(configuration, cli.Flags.GetValueOrDefault("to"), output, error, ct);
        }
        catch (StoreLockedException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return StoreLocked;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            await error.WriteLineAsync($"Could not reach PostgreSQL (Storage:ConnectionString): {ex.Message}. Nothing was copied.");
            return 1;
        }
    }
}
