using Npgsql;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The versioned migrations as existing databases applied them: today's files, except 0002, 0003, 0005 and
/// 0006, which are the frozen copies in Postgres/Released (each defined pb_sign before the functions moved to
/// Functions/signing.sql).</summary>
internal static class ReleasedMigrations
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> Chain()
    {
        var assembly = typeof(ReleasedMigrations).Assembly;
        return SchemaMigrator.Migrations().Select(m =>
        {
            using var stream = assembly.GetManifestResourceStream("Released." + m.Name + ".sql");
            if (stream is null)
            {
                return m;
            }

            using var reader = new StreamReader(stream);
            return (m.Version, m.Name, reader.ReadToEnd());
        }).ToList();
    }

    /// <summary>Applies the released chain up to <paramref name="upTo"/> as the old migrator did (recorded in schema_migrations).</summary>
    public static async Task ApplyAsync(NpgsqlDataSource source, int upTo = int.MaxValue)
    {
        await ExecAsync(source, "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        foreach (var (version, name, sql) in Chain().Where(m => m.Version <= upTo))
        {
            await ExecAsync(source, sql);
            await ExecAsync(source, $"INSERT INTO schema_migrations (version, name) VALUES ({version}, '{name}')");
        }
    }

    private static async Task ExecAsync(NpgsqlDataSource source, string sql)
    {
        await using var cmd = source.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
