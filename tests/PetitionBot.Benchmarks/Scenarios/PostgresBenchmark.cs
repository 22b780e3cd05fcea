using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;
using PetitionBot.Benchmarks.Support;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Tests;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>The PostgreSQL store on the test server (PETITIONBOT_TEST_POSTGRES, or one started by
/// scripts/test-postgres.sh): the signing path against raw single-row INSERTs into a table with the same unique index
/// on the same server (same run, interleaved, best of rounds), and the aggregates read at 10k and at 1M signatures.</summary>
internal static class PostgresBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        var results = new List<BenchResult>();
        var count = quick ? 1_000 : 3_000;
        var rounds = quick ? 2 : 3;
        var core = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            raw.Add(await RawInsertsAsync(count));
            core.Add(await CoreInsertsAsync(count));
        }

        var ratio = core.Max() / raw.Max();
        results.Add(new BenchResult("postgres", "raw single-row INSERTs (baseline)", Math.Round(raw.Max()), "rows/s", "", null, $"{count} rows, unique (campaign, hash), best of {rounds}"));
        results.Add(new BenchResult("postgres", "signing path", Math.Round(core.Max()), "sig/s", "", null, "hash + unique + aggregates + milestones, one transaction"));
        results.Add(new BenchResult("postgres", "signing / raw", Math.Round(ratio, 2), "x", ">= 0.5", ratio >= 0.5));

        var small = await StatsMedianAsync(10_000);
        var large = await StatsMedianAsync(quick ? 100_000 : 1_000_000);
        results.Add(new BenchResult("postgres", "aggregates read at 10,000", Math.Round(small.Median, 2), "ms", "", null, $"seeded in {small.Seed.TotalSeconds:0.0} s"));
        results.Add(new BenchResult("postgres", $"aggregates read at {(quick ? 100_000 : 1_000_000):N0}", Math.Round(large.Median, 2), "ms", "", null, $"seeded in {large.Seed.TotalSeconds:0.0} s"));
        var totalsRatio = large.Median / small.Median;
        results.Add(new BenchResult("postgres", "aggregates read large / 10k", Math.Round(totalsRatio, 2), "x", "<= 2", totalsRatio <= 2));
        return results;
    }

    private static async Task<double> CoreInsertsAsync(int count)
    {
        var connection = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var db = new PostgresDatabase(Options(connection));
            await db.EnsureReadyAsync();
            var store = new PostgresSignatureStore(db);
            var plan = new MilestonePlan([100, 1000, 10_000], [10, 25, 50, 100, 250]);
            var now = DateTimeOffset.UtcNow;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await store.AddAsync(new NewSignature("bench", $"discord:{i}", PlatformKind.Discord, "g" + (i % 50), i % 3 == 0 ? null : $"Signer {i}",
                    $"School {i % 300}", $"MS{1 + (i % 4)}", "Medical student", Verification.SelfAttested, now), plan);
            }

            return count / sw.Elapsed.TotalSeconds;
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }

    private static async Task<double> RawInsertsAsync(int count)
    {
        var connection = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var source = NpgsqlDataSource.Create(connection);
            await using (var create = source.CreateCommand("""
                CREATE TABLE raw (id text PRIMARY KEY, campaign_id text NOT NULL, identity_hash text NOT NULL, platform integer NOT NULL,
                    workspace_id text NOT NULL, full_name text, school text NOT NULL, school_key text NOT NULL, stage text NOT NULL,
                    role text NOT NULL, verification integer NOT NULL, signed_at_ticks bigint NOT NULL, UNIQUE (campaign_id, identity_hash));
                CREATE INDEX ON raw (identity_hash);
                """))
            {
                await create.ExecuteNonQueryAsync();
            }

            var key = RandomNumberGenerator.GetBytes(32);
            var now = DateTimeOffset.UtcNow.UtcTicks;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await using var conn = await source.OpenConnectionAsync();
                await using var cmd = new NpgsqlCommand("INSERT INTO raw VALUES (@id, 'bench', @h, 0, @w, @n, @s, @sk, @st, 'Medical student', 0, @t)", conn);
                cmd.Parameters.AddWithValue("id", Guid.CreateVersion7().ToString("N"));
                cmd.Parameters.AddWithValue("h", Convert.ToBase64String(HMACSHA256.HashData(key, BitConverter.GetBytes(i))));
                cmd.Parameters.AddWithValue("w", "g" + (i % 50));
                cmd.Parameters.AddWithValue("n", i % 3 == 0 ? DBNull.Value : $"Signer {i}");
                cmd.Parameters.AddWithValue("s", $"School {i % 300}");
                cmd.Parameters.AddWithValue("sk", $"school {i % 300}");
                cmd.Parameters.AddWithValue("st", $"MS{1 + (i % 4)}");
                cmd.Parameters.AddWithValue("t", now);
                await cmd.ExecuteNonQueryAsync();
            }

            return count / sw.Elapsed.TotalSeconds;
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }

    private static async Task<(double Median, TimeSpan Seed)> StatsMedianAsync(int size)
    {
        var connection = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var db = new PostgresDatabase(Options(connection));
            await db.EnsureReadyAsync();
            var seed = Stopwatch.StartNew();
            await using (var conn = await NpgsqlDataSource.Create(connection).OpenConnectionAsync())
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
            var store = new PostgresSignatureStore(db);
            var times = new List<double>();
            for (var i = 0; i < 25; i++)
            {
                var sw = Stopwatch.StartNew();
                var stats = await store.GetStatsAsync("bench", DateTimeOffset.UtcNow);
                times.Add(sw.Elapsed.TotalMilliseconds);
                if (stats.Total != size)
                {
                    throw new InvalidOperationException($"seeded {size} but totals say {stats.Total}");
                }
            }

            return (Stopwatches.Median(times.Skip(3)), elapsed);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }

    private static StorageOptions Options(string connection) => new()
    {
        Provider = StorageProvider.Postgres,
        ConnectionString = connection,
        SecretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };
}
