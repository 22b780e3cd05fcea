using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;
using PetitionBot.Benchmarks.Support;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Tests;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>The PostgreSQL store on the test server (PETITIONBOT_TEST_POSTGRES, or one started by
/// scripts/test-postgres.sh): the signing path against raw single-row INSERTs into a table with the same unique index
/// on the same server (<see cref="PostgresSigningBenchmark"/>), and the aggregates read at 10k and at 1M signatures.</summary>
internal static class PostgresBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        var results = new List<BenchResult>(await PostgresSigningBenchmark.RunAsync(quick));
        results.AddRange(await TotalsAsync(quick));
        return results;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The aggregates read at 10,000 and at a large size, both databases seeded first, vacuumed and analysed
    /// (as autovacuum leaves a live database), then read alternately so both sizes see the same machine load.</summary>
    public static async Task<IReadOnlyList<BenchResult>> TotalsAsync(bool quick)
    {
        var size = quick ? 100_000 : 1_000_000;
        var small = await TestPostgres.CreateDatabaseAsync();
        var large = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var smallDb = new PostgresDatabase(Options(small));
            await using var largeDb = new PostgresDatabase(Options(large));
            var smallSeed = await SeedAsync(smallDb, small, 10_000);
            var largeSeed = await SeedAsync(largeDb, large, size);
            var stores = new[] { (Store: new PostgresSignatureStore(smallDb), Size: 10_000), (Store: new PostgresSignatureStore(largeDb), Size: size) };
            var times = new[] { new List<double>(), new List<double>() };
            var rounds = quick ? 60 : 200;
            for (var round = 0; round < rounds + 10; round++)
            {
                for (var i = 0; i < 2; i++)
                {
                    var k = (round + i) % 2;
                    var sw = Stopwatch.StartNew();
                    var stats = await stores[k].Store.GetStatsAsync("bench", DateTimeOffset.UtcNow);
                    var ms = sw.Elapsed.TotalMilliseconds;
                    if (stats.Total != stores[k].Size)
                    {
                        throw new InvalidOperationException($"seeded {stores[k].Size} but totals say {stats.Total}");
                    }

                    if (round >= 10)
                    {
                        times[k].Add(ms);
                    }
                }
            }

            var (smallMedian, largeMedian) = (Stopwatches.Median(times[0]), Stopwatches.Median(times[1]));
            var ratio = largeMedian / smallMedian;
            var load = LoadAverage();
            return
            [
                new BenchResult("postgres", "aggregates read at 10,000", Math.Round(smallMedian, 2), "ms", "", null,
                    $"median of {rounds}, p90 {Stopwatches.Percentile(times[0].Order().ToList(), 90):0.00} ms; seeded in {smallSeed.TotalSeconds:0.0} s"),
                new BenchResult("postgres", $"aggregates read at {size:N0}", Math.Round(largeMedian, 2), "ms", "", null,
                    $"median of {rounds}, p90 {Stopwatches.Percentile(times[1].Order().ToList(), 90):0.00} ms; seeded in {largeSeed.TotalSeconds:0.0} s; reads alternate with the 10,000 ones"),
                new BenchResult("postgres", "aggregates read large / 10k", Math.Round(ratio, 2), "x", "<= 2", ratio <= 2, $"load average {load}"),
            ];
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(small);
            await TestPostgres.DropDatabaseAsync(large);
        }
    }

    private static async Task<TimeSpan> SeedAsync(PostgresDatabase db, string connection, int size)
    {
        await db.EnsureReadyAsync();
        var seed = Stopwatch.StartNew();
        await using var source = NpgsqlDataSource.Create(connection);
        await using (var conn = await source.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            // Realistic rows in bulk (300 schools, 4 stages, 2 platforms, 30 days), then the aggregates as the store keeps them.
            await using (var cmd = new NpgsqlCommand("""
                INSERT INTO signatures (id, campaign_id, identity_hash, platform, workspace_id, full_name, school, school_key, stage, role, verification, signed_at_ticks)
                SELECT lpad(g::text, 12, '0'), 'bench', md5(g::text), g % 2, 'g' || (g % 50), CASE WHEN g % 3 = 0 THEN NULL ELSE 'Signer ' || g END,
                       'School ' || (g % 300), 'school ' || (g % 300), 'MS' || (1 + g % 4), 'Medical student', 0,
                       @t0 + (g::bigint % (30 * 24)) * 36000000000
                FROM generate_series(1, @n) g
                """, conn, tx))
            {
                cmd.Parameters.AddWithValue("n", size);
                cmd.Parameters.AddWithValue("t0", DateTimeOffset.UtcNow.AddDays(-30).UtcTicks);
                cmd.CommandTimeout = 600;
                await cmd.ExecuteNonQueryAsync();
            }

            await PostgresImport.RebuildAggregatesAsync(conn, tx, CancellationToken.None);
            await tx.CommitAsync();
        }

        var elapsed = seed.Elapsed;
        await using (var vacuum = source.CreateCommand("VACUUM ANALYZE"))
        {
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync();
        }

        return elapsed;
    }

    internal static StorageOptions Options(string connection) => new()
    {
        Provider = StorageProvider.Postgres,
        ConnectionString = connection,
        SecretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };
}
