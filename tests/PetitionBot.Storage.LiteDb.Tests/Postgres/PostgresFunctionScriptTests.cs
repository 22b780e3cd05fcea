using Npgsql;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The signing functions live in one repeatable script (Functions/signing.sql), run after the versioned
/// migrations whenever its checksum changes; the versioned migrations hold only schema and data changes.</summary>
public sealed class PostgresFunctionScriptTests : IAsyncLifetime
{
    private readonly List<string> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var db in _databases)
        {
            await TestPostgres.DropDatabaseAsync(db);
        }
    }

    [Fact]
    public async Task MigrateAsync_DatabaseMigratedByTheReleasedChain_SameFunctionsAndSchemaAsAFreshDatabase()
    {
        await using var released = NpgsqlDataSource.Create(await NewDatabaseAsync());
        await ReleasedMigrations.ApplyAsync(released);
        var before = await FunctionsAsync(released);
        Assert.Contains(before, f => f.StartsWith("pb_sign(", StringComparison.Ordinal));

        Assert.Empty(await SchemaMigrator.MigrateAsync(released));
        await using var fresh = NpgsqlDataSource.Create(await NewDatabaseAsync());
        await SchemaMigrator.MigrateAsync(fresh);

        var upgraded = await FunctionsAsync(released);
        Assert.Equal(await FunctionsAsync(fresh), upgraded);
        Assert.Equal(["pb_bump", "pb_inc", "pb_new_id", "pb_sign"], upgraded.Select(f => f[..f.IndexOf('(', StringComparison.Ordinal)]));
        Assert.Equal(await SchemaAsync(fresh), await SchemaAsync(released));

        // The released chain's pb_sign (milestones decided in SQL) is replaced by the script's (milestones decided by
        // the core, issue 16 §1); the helpers are unchanged.
        Assert.NotEqual(before.Single(f => f.StartsWith("pb_sign(", StringComparison.Ordinal)), upgraded.Single(f => f.StartsWith("pb_sign(", StringComparison.Ordinal)));
        Assert.Equal(before.Where(f => !f.StartsWith("pb_sign(", StringComparison.Ordinal)), upgraded.Where(f => !f.StartsWith("pb_sign(", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task MigrateAsync_ScriptUnchangedSinceItRan_NotRunAgain()
    {
        await using var source = NpgsqlDataSource.Create(await NewDatabaseAsync());
        await SchemaMigrator.MigrateAsync(source);
        await ExecAsync(source, "DROP FUNCTION pb_new_id()");

        await SchemaMigrator.MigrateAsync(source);

        Assert.DoesNotContain(await FunctionsAsync(source), f => f.StartsWith("pb_new_id(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MigrateAsync_ScriptChangedSinceItRan_RunOnceAndRecorded()
    {
        await using var source = NpgsqlDataSource.Create(await NewDatabaseAsync());
        await SchemaMigrator.MigrateAsync(source);
        await ExecAsync(source, "DROP FUNCTION pb_new_id(); UPDATE schema_functions SET sha256 = 'an older script'");

        await SchemaMigrator.MigrateAsync(source);

        Assert.Contains(await FunctionsAsync(source), f => f.StartsWith("pb_new_id(", StringComparison.Ordinal));
        await using var cmd = source.CreateCommand("SELECT name, sha256 FROM schema_functions");
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        var (name, _, sha256) = Assert.Single(SchemaMigrator.Functions());
        Assert.Equal((name, sha256), (r.GetString(0), r.GetString(1)));
    }

    [Fact]
    public void Migrations_NoVersionedMigration_DefinesAFunction()
    {
        Assert.All(SchemaMigrator.Migrations(), m => Assert.DoesNotContain("CREATE FUNCTION", m.Sql.ToUpperInvariant().Replace("OR REPLACE ", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    private async Task<string> NewDatabaseAsync()
    {
        var db = await TestPostgres.CreateDatabaseAsync();
        _databases.Add(db);
        return db;
    }

    /// <summary>Every function in the schema: name, arguments, and its whole definition.</summary>
    private static async Task<List<string>> FunctionsAsync(NpgsqlDataSource source)
    {
        var list = new List<string>();
        await using var cmd = source.CreateCommand("""
            SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' || E'\n' || pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    /// <summary>Every column (with type, nullability and default) and every index of the schema.</summary>
    private static async Task<List<string>> SchemaAsync(NpgsqlDataSource source)
    {
        var list = new List<string>();
        await using var cmd = source.CreateCommand("""
            SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || COALESCE(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
            ORDER BY 1
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    private static async Task ExecAsync(NpgsqlDataSource source, string sql)
    {
        await using var cmd = source.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
