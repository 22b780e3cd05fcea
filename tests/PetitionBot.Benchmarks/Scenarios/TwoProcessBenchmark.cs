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
/// with Ed25519 and POSTed to the next process in turn, so one person's flow crosses both processes. Sign flows are
/// started at 100/s then 200/s (5 s each); ack = the POST leaving → the inline callback read. Afterwards the store must
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

        var warm = new List<double>();
        var warmed = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => rig.SignAsync(DiscordRig.GuildId(i % FlowGuilds), rig.NewUser(), warm)));
        var signed = warmed.Count(ok => ok);

        var results = new List<BenchResult>();
        var duration = TimeSpan.FromSeconds(quick ? 3 : 5);
        foreach (var rate in new[] { 100, 200 })
        {
            var latencies = new List<double>();
            var count = (int)(rate * duration.TotalSeconds);
            var tasks = new List<Task<bool>>(count);
            var cpuA = rig.Bot.CpuTime;
            var cpuB = b.CpuTime;
            var answered = front.Answered.ToArray();
            var sw = Stopwatch.StartNew();
            for (var k = 0; k < count; k++)
            {
                var wait = TimeSpan.FromSeconds((double)k / rate) - sw.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait);
                }

                var guild = DiscordRig.GuildId(k % FlowGuilds);
                var user = rig.NewUser();
                tasks.Add(Task.Run(() => rig.SignAsync(guild, user, latencies)));
            }

            var offered = sw.Elapsed;
            var outcomes = await Task.WhenAll(tasks);
            var elapsed = sw.Elapsed;
            signed += outcomes.Count(ok => ok);
            var sorted = latencies.Order().ToList();
            var p99 = Stopwatches.Percentile(sorted, 99);
            var perProcess = string.Join(" / ", front.Answered.Select((n, i) => (n - answered[i]).ToString(CultureInfo.InvariantCulture)));
            results.Add(new BenchResult("two processes", $"p99 ack at {rate}/s, two processes on one PostgreSQL", Math.Round(p99, 1), "ms",
                rate == 200 ? "<= 100" : "", rate == 200 ? p99 <= 100 && outcomes.All(ok => ok) : null,
                $"p50 {Stopwatches.Percentile(sorted, 50):0.0} ms, max {(sorted.Count > 0 ? sorted[^1] : double.NaN):0.0} ms; {count} flows offered at " +
                $"{count / offered.TotalSeconds:0}/s, done in {elapsed.TotalSeconds:0.0} s, {outcomes.Count(ok => !ok)} failed; interactions answered by A / B: {perProcess}; " +
                $"bot CPU A {(rig.Bot.CpuTime - cpuA) / elapsed:0.00} + B {(b.CpuTime - cpuB) / elapsed:0.00} cores"));
        }

        await using var db = new PostgresDatabase(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connection, SecretKey = secret });
        var total = (await new PostgresSignatureStore(db).GetStatsAsync("bench", DateTimeOffset.UtcNow)).Total;
        results.Add(new BenchResult("two processes", "signatures stored / flows that saw \"Signed\"", total == signed ? 1 : Math.Round((double)total / signed, 3), "x", "= 1",
            total == signed, $"{total} stored, {signed} flows completed (warm-up included); load average {Load()} at the end"));
        return results;
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
