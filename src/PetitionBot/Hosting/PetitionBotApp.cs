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
        var cli = CommandLine.Parse(args);
        if (!CommandLine.Verbs.Contains(cli.Verb))
        {
            await error.WriteLineAsync($"Unknown command \"{cli.Verb}\". Commands: run (default), console [--as student|leader|organizer] [--user NAME], totals [--campaign ID], export --out FILE [--campaign ID], invalidate --campaign ID [--server discord:ID] [--since TIME] [--until TIME], check-config, migrate --to postgres.");
            return ConfigError;
        }

        if (cli.Verb == "help")
        {
            await output.WriteLineAsync("petitionbot [run] | console [--as student|leader|organizer] [--user NAME] | totals [--campaign ID] | export --out FILE [--campaign ID] | invalidate --campaign ID [--server discord:ID] [--since TIME] [--until TIME] | check-config | migrate --to postgres  (settings: --Key=value, env Key__Sub=value)");
            return 0;
        }

        if (cli.Verb == "check-config")
        {
            return await CheckConfigAsync(cli, overrides, output, error, ct);
        }

        if (cli.Verb == "migrate")
        {
            return await MigrateAsync(cli, overrides, output, error, ct);
        }

        var mode = cli.Verb switch
        {
            "console" => HostMode.Console,
            "totals" or "export" or "invalidate" => HostMode.Cli,
            _ => HostMode.Bot,
        };
        if (mode == HostMode.Bot && !PlatformSettings.From(ConfigurationLoader.Load(cli.ConfigArgs, overrides)).Any)
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
            if (mode == HostMode.Cli)
            {
                await app.StartAsync(ct);
                var code = cli.Verb switch
                {
                    "totals" => await CliVerbs.TotalsAsync(app.Services, cli.Flags.GetValueOrDefault("campaign"), output, ct),
                    "invalidate" => await InvalidateVerb.RunAsync(app.Services, cli.Flags, output, error, ct),
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
    }

    /// <summary>Reads every validated settings class once, so a bad setting fails here with its key, before anything starts.</summary>
    private static void ValidateSettings(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<Core.Campaigns.BotOptions>>().Value;
        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (services.GetService<IOptions<HttpOptions>>() is { } http)
        {
            _ = http.Value;
        }
    }

    /// <summary><c>migrate --to postgres</c>: no host; the LiteDB file's lock refuses while the bot runs.</summary>
    private static async Task<int> MigrateAsync(CommandLine cli, IDictionary<string, string?>? overrides, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            return await MigrateVerb.RunAsync(ConfigurationLoader.Load(cli.ConfigArgs, overrides), cli.Flags.GetValueOrDefault("to"), output, error, ct);
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

    /// <summary><c>check-config</c>: reads the configuration the same way the bot does, but builds no host, opens no
    /// database and connects nowhere.</summary>
    private static async Task<int> CheckConfigAsync(CommandLine cli, IDictionary<string, string?>? overrides, TextWriter output, TextWriter error, CancellationToken ct)
    {
        IConfigurationRoot configuration;
        try
        {
            configuration = ConfigurationLoader.Load(cli.ConfigArgs, overrides);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException or FormatException)
        {
            await error.WriteLineAsync($"Configuration error: {ex.Message}");
            return ConfigError;
        }

        return await ConfigCheck.RunAsync(configuration, output, error, ct);
    }
}
