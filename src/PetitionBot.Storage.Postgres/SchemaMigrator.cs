using System.Globalization;

namespace PetitionBot.Storage.Postgres;

/// <summary>Versioned schema: the embedded Migrations/NNNN_name.sql files, applied in order, each in its own transaction,
/// recorded in schema_migrations. Then the repeatable Functions/name.sql files (the functions, defined only there): each
/// runs, in its own transaction, when its SHA-256 differs from the one recorded in schema_functions (never run, or
/// changed since). The whole run holds a session advisory lock, so two processes starting together migrate once (the
/// second waits, then finds nothing left to do).</summary>
public static class SchemaMigrator
{
    /// <summary>The advisory lock key of migrations ("PBmigrat").</summary>
    public const long LockKey = 0x50424D6967726174;

    /// <summary>Applies what is missing; returns the versions this call applied.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await ExecAsync(conn, $"SELECT pg_advisory_lock({LockKey})", ct);
        try
        {
            await ExecAsync(conn, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", ct);
            var applied = new HashSet<int>();
            await using (var cmd = new NpgsqlCommand("SELECT version FROM schema_migrations", conn))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var done = new List<int>();
            foreach (var (version, name, sql) in Migrations())
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await using var tx = await conn.BeginTransactionAsync(ct);
                await using (var cmd = new NpgsqlCommand(sql, conn, tx))
                {
                    await cmd.ExecuteNonQueryAsync(ct);
                }

                await using (var cmd = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES (@v, @n)", conn, tx))
                {
                    cmd.Parameters.AddWithValue("v", version);
                    cmd.Parameters.AddWithValue("n", name);
                    await cmd.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                done.Add(version);
            }

            await ApplyFunctionsAsync(conn, ct);
            return done;
        }
        finally
        {
            await ExecAsync(conn, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>Runs each function script whose checksum is not the recorded one; returns the names it ran.</summary>
    private static async Task<IReadOnlyList<string>> ApplyFunctionsAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await ExecAsync(conn, "CREATE TABLE IF NOT EXISTS schema_functions (name text PRIMARY KEY, sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", ct);
        var recorded = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT name, sha256 FROM schema_functions", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                recorded[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var ran = new List<string>();
        foreach (var (name, sql, sha256) in Functions())
        {
            if (recorded.GetValueOrDefault(name) == sha256)
            {
                continue;
            }

            await using var tx = await conn.BeginTransactionAsync(ct);
            await using (var cmd = new NpgsqlCommand(sql, conn, tx))
            {
                await cmd.ExecuteNonQueryAsync(ct);
            }

            await using (var cmd = new NpgsqlCommand(
                "INSERT INTO schema_functions (name, sha256) VALUES (@n, @s) ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, applied_at = now()", conn, tx))
            {
                cmd.Parameters.AddWithValue("n", name);
                cmd.Parameters.AddWithValue("s", sha256);
                await cmd.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            ran.Add(name);
        }

        return ran;
    }

    /// <summary>The embedded function scripts (Functions/name.sql) by name, with their SHA-256 (hex, of the text with
    /// \n line ends, so a checkout with other line ends does not count as a change).</summary>
    public static IReadOnlyList<(string Name, string Sql, string Sha256)> Functions() =>
        Resources("PetitionBot.Storage.Postgres.Functions.")
            .Select(r => (r.Name, r.Sql, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(r.Sql.ReplaceLineEndings("\n"))))))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<(string Name, string Sql)> Resources(string prefix)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[prefix.Length..^4], reader.ReadToEnd());
        }
    }

    /// <summary>The embedded migrations in version order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations() =>
        Resources("PetitionBot.Storage.Postgres.Migrations.")
            .Select(r => (int.Parse(r.Name.AsSpan(0, r.Name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture), r.Name, r.Sql))
            .OrderBy(m => m.Item1)
            .ToList();

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
