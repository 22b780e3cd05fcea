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

/// <summary>The PostgreSQL signing path against raw single-row INSERTs into a table with the same unique index, on the
/// same server, in the same run. Both sides have the same shape seen from outside: one caller, one row per call, the
/// next call after the previous one answered, a pooled connection per call. Each round gives both sides a fresh
/// database and interleaves them in blocks of <see cref="Block"/> calls in ABBA order (raw, core, core, raw, raw, …), so
/// the shared machine's load, which changes from second to second, lands on both alike; each side's rate is its rows
/// over the time spent in its own blocks. The row reports the median of the rounds' ratios and their spread.</summary>
internal static class PostgresSigningBenchmark
{
    private const int Block = 50;
    private const int WarmUp = 20;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        // 3,000 signatures over 300 schools: each school reaches its first milestone (10), so one signature in ten
        // crosses one, as in a campaign's first days (quick runs keep that shape, with fewer rounds).
        const int count = 3_000;
        var rounds = quick ? 2 : 7;
        var crossing = 0;
        var (raw, core, ratios, rawCpu, coreCpu) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var loadBefore = PostgresBenchmark.LoadAverage();
        for (var round = 0; round < rounds; round++)
        {
            var rawDb = await TestPostgres.CreateDatabaseAsync();
            var coreDb = await TestPostgres.CreateDatabaseAsync();
            try
            {
                await using var rawSide = await RawSide.CreateAsync(rawDb, count);
                await using var coreSide = await CoreSide.CreateAsync(coreDb);
                for (var (start, block) = (0, 0); start < count; start += Block, block++)
                {
                    var n = Math.Min(Block, count - start);
                    Side[] order = block % 2 == 0 ? [rawSide, coreSide] : [coreSide, rawSide];
                    foreach (var side in order)
                    {
                        await side.RunAsync(start, n);
                    }
                }

                raw.Add(count / rawSide.Elapsed.TotalSeconds);
                core.Add(count / coreSide.Elapsed.TotalSeconds);
                ratios.Add(rawSide.Elapsed / coreSide.Elapsed);
                crossing = coreSide.Crossing;
                rawCpu.Add(rawSide.Cpu.TotalSeconds * 1e6 / count);
                coreCpu.Add(coreSide.Cpu.TotalSeconds * 1e6 / count);
            }
            finally
            {
                await TestPostgres.DropDatabaseAsync(rawDb);
                await TestPostgres.DropDatabaseAsync(coreDb);
            }
        }

        var ratio = Stopwatches.Median(ratios);
        ratios.Sort();
        return
        [
            new BenchResult("postgres", "raw single-row INSERTs (baseline)", Math.Round(Stopwatches.Median(raw)), "rows/s", "", null,
                $"{count} rows per round, unique (campaign, hash); median of {rounds} rounds, {raw.Min():0}-{raw.Max():0}; client CPU {Stopwatches.Median(rawCpu):0} µs/row"),
            new BenchResult("postgres", "signing path", Math.Round(Stopwatches.Median(core)), "sig/s", "", null,
                $"hash + unique + aggregates + milestones ({crossing} of {count} cross one), one transaction; median of {rounds} rounds, {core.Min():0}-{core.Max():0}; client CPU {Stopwatches.Median(coreCpu):0} µs/signature"),
            new BenchResult("postgres", "signing / raw", Math.Round(ratio, 2), "x", ">= 0.5", ratio >= 0.5,
                $"median of {rounds} rounds, each interleaving both sides in blocks of {Block} (ABBA): {string.Join(", ", ratios.Select(r => r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}; load average {loadBefore} -> {PostgresBenchmark.LoadAverage()}"),
        ];
    }

    /// <summary>One side of the comparison: the time and this process's CPU spent in its own blocks.</summary>
    private abstract class Side : IAsyncDisposable
    {
        public TimeSpan Elapsed { get; private set; }

        public TimeSpan Cpu { get; private set; }

        public async Task RunAsync(int start, int count)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            for (var i = start; i < start + count; i++)
            {
                await WriteAsync(i);
            }

            Elapsed += Stopwatch.GetElapsedTime(started);
            Cpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
        }

        protected abstract Task WriteAsync(int i);

        public abstract ValueTask DisposeAsync();
    }

    /// <summary>The store's signing path, with the campaign's definition as the bot signs (a milestone's words are
    /// composed in the signing transaction).</summary>
    private sealed class CoreSide(PostgresDatabase db, PostgresSignatureStore store, MilestonePlan plan, DateTimeOffset now) : Side
    {
        public static async Task<CoreSide> CreateAsync(string connection)
        {
            var db = new PostgresDatabase(PostgresBenchmark.Options(connection));
            await db.EnsureReadyAsync();
            var store = new PostgresSignatureStore(db);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < WarmUp; i++)
            {
                // Another campaign: the measured one starts from zero.
                await store.AddAsync(Signature("warm-up", i, now), MilestonePlan.None);
            }

            var campaign = new CampaignDefinition { Id = "bench", Title = "Bench petition", Goal = 10_000 };
            return new CoreSide(db, store, new MilestonePlan([100, 1000, 10_000], [10, 25, 50, 100, 250], campaign), now);
        }

        /// <summary>Signatures that crossed a milestone.</summary>
        public int Crossing { get; private set; }

        protected override async Task WriteAsync(int i)
        {
            if ((await store.AddAsync(Signature("bench", i, now), plan)).Announcements.Count > 0)
            {
                Crossing++;
            }
        }

        private static NewSignature Signature(string campaign, int i, DateTimeOffset at) =>
            new(campaign, $"discord:{i}", new SignerAnswers(PlatformKind.Discord, "g" + (i % 50), i % 3 == 0 ? null : $"Signer {i}",
                $"School {i % 300}", $"MS{1 + (i % 4)}", "Medical student", Verification.SelfAttested, at));

        public override ValueTask DisposeAsync() => db.DisposeAsync();
    }

    /// <summary>Single-row INSERTs, each on a connection taken from the pool, into a table with the same unique index.</summary>
    private sealed class RawSide(NpgsqlDataSource source, byte[] key, long now) : Side
    {
        public static async Task<RawSide> CreateAsync(string connection, int count)
        {
            var source = NpgsqlDataSource.Create(connection);
            await using (var create = source.CreateCommand("""
                CREATE TABLE raw (id text PRIMARY KEY, campaign_id text NOT NULL, identity_hash text NOT NULL, platform integer NOT NULL,
                    workspace_id text NOT NULL, full_name text, school text NOT NULL, school_key text NOT NULL, stage text NOT NULL,
                    role text NOT NULL, verification integer NOT NULL, signed_at_ticks bigint NOT NULL, UNIQUE (campaign_id, identity_hash));
                CREATE INDEX ON raw (identity_hash);
                """))
            {
                await create.ExecuteNonQueryAsync();
            }

            var side = new RawSide(source, RandomNumberGenerator.GetBytes(32), DateTimeOffset.UtcNow.UtcTicks);
            for (var i = 0; i < WarmUp; i++)
            {
                // Rows past the measured ones (other hashes).
                await side.WriteAsync(count + i);
            }

            return side;
        }

        protected override async Task WriteAsync(int i)
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

        public override ValueTask DisposeAsync() => source.DisposeAsync();
    }
}
