using Npgsql;
using PetitionBot.Core.Text;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresSchoolMaintenanceTests : SchoolMaintenanceContract
{
    private PostgresTempStore Pg => (PostgresTempStore)store;

    [Fact]
    public async Task MigrateAsync_TwoProcessesStartTogether_MigrateOnceAndCountOnce()
    {
        await SeedAsOldCodeDidAsync();
        await using var second = new PostgresDatabase(Pg.Options);

        var runs = await Task.WhenAll(
            Task.Run(() => new PostgresSchoolMaintenance(Pg.Database).MigrateAsync(Directory)),
            Task.Run(() => new PostgresSchoolMaintenance(second).MigrateAsync(Directory)));

        Assert.Equal([0, 4], runs.Order());
        var stats = await Stats();
        Assert.Equal(new Dictionary<string, int> { ["ucsf"] = 3, ["other:hogwarts"] = 1 }, stats.BySchool.ToDictionary(r => r.Key, r => r.Count));
        Assert.Equal(4, stats.Total);
    }

    [Fact]
    public async Task MigrateAsync_UnresolvedSignatures_UsesThePartialIndex()
    {
        await SeedAsOldCodeDidAsync();
        await using var conn = await Pg.Database.DataSource.OpenConnectionAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", conn))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN SELECT DISTINCT school, school_id = 'other' FROM signatures WHERE (school_id IS NULL OR school_id IN ('', 'other'))", conn);
        var plan = new List<string>();
        await using var r = await explain.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            plan.Add(r.GetString(0));
        }

        Assert.Contains(plan, line => line.Contains("signatures_school_unresolved", StringComparison.Ordinal));
    }

    protected override async Task<StoreUnderTest> CreateStoreAsync() => await PostgresTempStore.CreateAsync();

    protected override async Task ForgetSchoolIdsAsync()
    {
        await using var conn = await Pg.Database.DataSource.OpenConnectionAsync();
        var rows = new List<(string Table, string Id, string School)>();
        await using (var cmd = new NpgsqlCommand("SELECT 'signatures', id, school FROM signatures UNION ALL SELECT 'servers', id, school FROM servers WHERE school IS NOT NULL", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                rows.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
            }
        }

        foreach (var (table, id, school) in rows)
        {
            await using var update = new NpgsqlCommand($"UPDATE {table} SET school_id = NULL, school_key = @k WHERE id = @id", conn);
            update.Parameters.AddWithValue("k", InputRules.SchoolKey(school));
            update.Parameters.AddWithValue("id", id);
            await update.ExecuteNonQueryAsync();
        }

        await using var rebuild = new NpgsqlCommand("""
            DELETE FROM counters WHERE kind = 'school';
            INSERT INTO counters (campaign_id, kind, key, label, count, methods)
                SELECT campaign_id, 'school', school_key, min(school), count(*), jsonb_build_object('SelfAttested', count(*))
                FROM signatures GROUP BY campaign_id, school_key;
            """, conn);
        await rebuild.ExecuteNonQueryAsync();
    }
}
