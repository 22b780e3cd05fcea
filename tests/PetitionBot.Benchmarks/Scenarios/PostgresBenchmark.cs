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
/// on the same server (same run, paired rounds in ABBA order, median of the pairs' ratios), and the aggregates read at
/// 10k and at 1M signatures.</summary>
internal static class PostgresBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        var results = new List<BenchResult>(await SigningAsync(quick));
        results.AddRange(await TotalsAsync(quick));
        return results;
    }

    /// <summary>Signing path against raw INSERTs. Both sides do the same thing from the outside: one caller, one row per
    /// call, <c>count</c> calls per round, each round on a fresh database of the same server. Rounds are paired and run in
    /// ABBA order (raw, core, core, raw, raw, core, …) so a change in the machine's load lands on both sides of a pair
    /// alike; the row reports the median of the pairs' ratios and their spread.</summary>
    public static async Task<IReadOnlyList<BenchResult>> SigningAsync(bool quick)
    {
        var count = quick ? 1_000 : 3_000;
        var pairs = quick ? 3 : 7;
        var core = new List<double>();
        var raw = new List<double>();
        var (coreCpu, rawCpu) = (new List<double>(), new List<double>());
        var loadBefore = LoadAverage();
        for (var pair = 0; pair < pairs; pair++)
        {
            if (pair % 2 == 0)
            {
                await RoundAsync(raw, rawCpu, () => RawInsertsAsync(count));
                await RoundAsync(core, coreCpu, () => CoreInsertsAsync(count));
            }
            else
            {
                await RoundAsync(core, coreCpu, () => CoreInsertsAsync(count));
                await RoundAsync(raw, rawCpu, () => RawInsertsAsync(count));
            }
        }

        var ratios = core.Zip(raw, (c, r) => c / r).Order().ToList();
        var ratio = Stopwatches.Median(ratios);
        return
        [
            new BenchResult("postgres", "raw single-row INSERTs (baseline)", Math.Round(Stopwatches.Median(raw)), "rows/s", "", null,
                $"{count} rows per round, unique (campaign, hash); median of {pairs} rounds, {raw.Min():0}-{raw.Max():0}; client CPU {Stopwatches.Median(rawCpu) * 1e6 / count:0} µs/row"),
            new BenchResult("postgres", "signing path", Math.Round(Stopwatches.Median(core)), "sig/s", "", null,
                $"hash + unique + aggregates + milestones, one transaction; median of {pairs} rounds, {core.Min():0}-{core.Max():0}; client CPU {Stopwatches.Median(coreCpu) * 1e6 / count:0} µs/signature"),
            new BenchResult("postgres", "signing / raw", Math.Round(ratio, 2), "x", ">= 0.5", ratio >= 0.5,
                $"median of {pairs} paired rounds (ABBA), pairs {ratios[0]:0.00}-{ratios[^1]:0.00}; load average {loadBefore} -> {LoadAverage()}"),
        ];
    }

    /// <summary>One round: its rate, and the CPU this process spent while the rows were written (seconds).</summary>
    private static async Task RoundAsync(List<double> rates, List<double> cpu, Func<Task<(double Rate, double Cpu)>> round)
    {
        var (rate, seconds) = await round();
        rates.Add(rate);
        cpu.Add(seconds);
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<(double Rate, double Cpu)> CoreInsertsAsync(int count)
    {
        var connection = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var db = new PostgresDatabase(Options(connection));
            await db.EnsureReadyAsync();
            var store = new PostgresSignatureStore(db);
            // With the campaign's definition, as the bot signs: a milestone's words are composed in the signing transaction.
            var campaign = new CampaignDefinition { Id = "bench", Title = "Bench petition", Goal = 10_000 };
            var plan = new MilestonePlan([100, 1000, 10_000], [10, 25, 50, 100, 250], campaign);
            var now = DateTimeOffset.UtcNow;
            var cpu = Cpu();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await store.AddAsync(new NewSignature("bench", $"discord:{i}", PlatformKind.Discord, "g" + (i % 50), i % 3 == 0 ? null : $"Signer {i}",
                    $"School {i % 300}", $"MS{1 + (i % 4)}", "Medical student", Verification.SelfAttested, now), plan);
            }

            return (count / sw.Elapsed.TotalSeconds, (Cpu() - cpu).TotalSeconds);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }

    private static async Task<(double Rate, double Cpu)> RawInsertsAsync(int count)
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
            var cpu = Cpu();
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

            return (count / sw.Elapsed.TotalSeconds, (Cpu() - cpu).TotalSeconds);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }

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

    private static StorageOptions Options(string connection) => new()
    {
        Provider = StorageProvider.Postgres,
        ConnectionString = connection,
        SecretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };
}
