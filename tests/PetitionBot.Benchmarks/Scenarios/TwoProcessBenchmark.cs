using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using PetitionBot.Benchmarks.Support;
using PetitionBot.Storage.LiteDb.Tests;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>Issue 17: two real bot processes on one PostgreSQL (the test server: PETITIONBOT_TEST_POSTGRES or one
/// started by scripts/test-postgres.sh), both on the same fake Discord. One holds the gateway (the advisory lock), the
/// other stands by; both serve HTTP interactions, and the driver plays Discord in front of them: every interaction signed
/// with Ed25519 and POSTed to the next process in turn, so one person's flow crosses both processes. Sign flows  (5 s each); ack = the POST leaving → the inline callback read. Afterwards the store must
/// hold exactly one signature per flow that saw "Signed".</summary>
internal static class TwoProcessBenchmark
{
    private const int FlowGuilds = 50;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        var connection = await TestPostgres.CreateDatabaseAsync();
        try
        {
            return await RunOnAsync(connection, quick);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }

    private static async Task<IReadOnlyList<BenchResult>> RunOnAsync(string connection, bool quick)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var fake = await Fakes.Discord.FakeDiscordServer.StartAsync(new Fakes.Discord.FakeDiscordOptions
        {
            Guilds = Enumerable.Range(0, FlowGuilds).Select(i => new Fakes.Discord.FakeGuild(DiscordRig.GuildId(i), "Bench guild " + i)).ToList(),
        });
        using var front = new DiscordHttpFront(fake);
        int[] ports = [FreePort(), FreePort()];
        Dictionary<string, string?> Extra(int port) => new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connection,
            ["Storage:SecretKey"] = secret,
            ["Discord:PublicKey"] = front.PublicKeyHex,
            ["Http:Urls"] = $"http://127.0.0.1:{port}",
        };

        await using var rig = await DiscordRig.StartAsync(FlowGuilds, extra: Extra(ports[0]), fake: fake);
        var dirB = DiscordRig.NewDirectory();
        var b = BotProcess.Start(DiscordRig.BotSettings(dirB, fake, Extra(ports[1])));
        try
        {
            return await MeasureAsync(rig, b, front, ports, connection, secret, quick);
        }
        finally
        {
            await b.DisposeAsync();
            DeleteDirectory(dirB);
        }
    }

    private static async Task<IReadOnlyList<BenchResult>> MeasureAsync(DiscordRig rig, BotProcess b, DiscordHttpFront front, int[] ports, string connection,
        string secret, bool quick)
    {
        front.Add($"http://127.0.0.1:{ports[0]}");
        front.Add($"http://127.0.0.1:{ports[1]}");
        await front.WaitUntilUpAsync(0, TimeSpan.FromSeconds(60));
        await front.WaitUntilUpAsync(1, TimeSpan.FromSeconds(60));
        rig.Deliver = front.DeliverAsync;

        var told = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task<bool> SignAsync(string guild, string user, List<double> latencies)
        {
            var ok = await rig.SignAsync(guild, user, latencies);
            if (ok)
            {
                told.Add(user);
            }

            return ok;
        }

        var warm = new List<double>();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SignAsync(DiscordRig.GuildId(i % FlowGuilds), rig.NewUser(), warm)));

        var idleA = rig.Bot.CpuTime;
        var idleB = b.CpuTime;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idle = $"idle after the warm-up: A {(rig.Bot.CpuTime - idleA).TotalMilliseconds / 3000:0.00} + B {(b.CpuTime - idleB).TotalMilliseconds / 3000:0.00} cores";
        var results = new List<BenchResult>();
        var duration = TimeSpan.FromSeconds(quick ? 3 : 5);
        foreach (var rate in new[] { 50, 100, 200 })
        {
            var latencies = new List<double>();
            var cpuA = rig.Bot.CpuTime;
            var cpuB = b.CpuTime;
            var answered = front.Answered.ToArray();
            var commits = await CommitsAsync(connection);
            var sw = Stopwatch.StartNew();
            var (outcomes, offered) = await RateDriver.OfferAsync(rig, rate, duration, FlowGuilds, (guild, user) => SignAsync(guild, user, latencies));
            var count = outcomes.Length;
            var elapsed = sw.Elapsed;
            commits = await CommitsAsync(connection) - commits;
            var sorted = latencies.Order().ToList();
            var p99 = Stopwatches.Percentile(sorted, 99);
            var perProcess = string.Join(" / ", front.Answered.Select((n, i) => (n - answered[i]).ToString(CultureInfo.InvariantCulture)));
            results.Add(new BenchResult("two processes", $"p99 ack at {rate}/s, two processes on one PostgreSQL", Math.Round(p99, 1), "ms",
                rate == 200 ? "<= 100" : "", rate == 200 ? p99 <= 100 && outcomes.All(ok => ok) : null,
                $"p50 {Stopwatches.Percentile(sorted, 50):0.0} ms, max {(sorted.Count > 0 ? sorted[^1] : double.NaN):0.0} ms; {count} flows offered at " +
                $"{count / offered.TotalSeconds:0}/s, done in {elapsed.TotalSeconds:0.0} s, {outcomes.Count(ok => !ok)} failed; interactions answered by A / B: {perProcess}; " +
                $"bot CPU A {(rig.Bot.CpuTime - cpuA) / elapsed:0.00} + B {(b.CpuTime - cpuB) / elapsed:0.00} cores, " +
                $"{(rig.Bot.CpuTime - cpuA + (b.CpuTime - cpuB)).TotalMilliseconds / Math.Max(1, sorted.Count):0.00} ms per interaction; " +
                $"{(double)commits / Math.Max(1, sorted.Count):0.0} PostgreSQL transactions per interaction; load average {Load()}"));
        }

        await using var db = new PostgresDatabase(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connection, SecretKey = secret });
        var store = new PostgresSignatureStore(db);
        var total = (await store.GetStatsAsync("bench", DateTimeOffset.UtcNow)).Total;
        var missing = 0;
        foreach (var user in told)
        {
            missing += await store.FindAsync("bench", "discord:" + user) is null ? 1 : 0;
        }

        results.Add(new BenchResult("two processes", "signers told \"Signed\" but not stored", missing, "signers", "= 0", missing == 0,
            $"{told.Count} told \"Signed\" (warm-up included), {total} stored: the store never holds less than it told; it holds more when an answer came after " +
            $"the driver's 15 s or the flow's next step failed; {idle}; load average {Load()} at the end"));
        return results;
    }

    /// <summary>Transactions committed in this database so far (pg_stat_database; the statistics lag by up to 0.5 s).</summary>
    private static async Task<long> CommitsAsync(string connection)
    {
        await Task.Delay(700);
        await using var conn = new Npgsql.NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_stat_clear_snapshot(); SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    private static void DeleteDirectory(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
