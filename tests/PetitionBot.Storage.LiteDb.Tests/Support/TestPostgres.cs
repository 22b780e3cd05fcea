using System.Diagnostics;
using Npgsql;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The real PostgreSQL server the tests use: PETITIONBOT_TEST_POSTGRES (set by .ci/run from
/// scripts/test-postgres.sh), or else a server this test process starts with that script and stops when it exits.
/// Each caller gets its own fresh database on it.</summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "PETITIONBOT_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _admin;

    /// <summary>The connection string of the server's maintenance database.</summary>
    public static async Task<string> AdminConnectionStringAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _admin ??= Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv ? fromEnv : await StartServerAsync();
            return _admin;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The settings that put a bot on the database at <paramref name="connection"/>: the provider, the connection
    /// string, and a fresh secret key (processes meant to share the database pass one to all of them).</summary>
    public static Dictionary<string, string?> BotSettings(string connection, string? secretKey = null) => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:ConnectionString"] = connection,
        ["Storage:SecretKey"] = secretKey ?? Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    };

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await AdminConnectionStringAsync();
        var name = "pb_test_" + Guid.NewGuid().ToString("N");
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(await AdminConnectionStringAsync());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The repository's root (where PetitionBot.sln is).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PetitionBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PetitionBot.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Starts a server of the caller's own (for tests that restart it); returns its connection string.</summary>
    public static async Task<string> StartPrivateServerAsync(string envFile) =>
        (await RunScriptAsync(Script, "start", envFile)).Trim().Split('\n')[^1];

    /// <summary>Stops the private server, keeps it down for <paramref name="downtime"/>, starts it again with its data.</summary>
    public static Task RestartPrivateServerAsync(string envFile, TimeSpan downtime) =>
        RunScriptAsync(Script, "restart", envFile, ("PG_DOWNTIME", ((int)downtime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static Task StopPrivateServerAsync(string envFile) => RunScriptAsync(Script, "stop", envFile);

    private static string Script => Path.Combine(RepositoryRoot(), "scripts", "test-postgres.sh");

    private static async Task<string> StartServerAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "test-postgres.sh");
        var envFile = Path.Combine(Path.GetTempPath(), $"petitionbot-test-pg-{Environment.ProcessId}.env");
        // The script's watchdog stops the server once this process has exited.
        var output = await RunScriptAsync(script, "start", envFile);
        return output.Trim().Split('\n')[^1];
    }

    private static async Task<string> RunScriptAsync(string script, string verb, string envFile, params (string Name, string Value)[] env)
    {
        var start = ScriptStart(script, verb, envFile);
        foreach (var (name, value) in env)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run " + script);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {verb} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }

    private static ProcessStartInfo ScriptStart(string script, string verb, string envFile)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(verb);
        start.Environment["PG_ENV_FILE"] = envFile;
        start.Environment["PG_OWNER_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return start;
    }
}
