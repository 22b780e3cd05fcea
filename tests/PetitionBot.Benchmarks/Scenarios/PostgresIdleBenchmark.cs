using System.Security.Cryptography;
using PetitionBot.Benchmarks.Support;
using PetitionBot.Storage.LiteDb.Tests;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>A bot process holding the Discord gateway on the PostgreSQL store, left alone: the CPU it burns while nobody
/// uses it, measured after it settled and again after a few sign flows (once their milestone posts are out).</summary>
internal static class PostgresIdleBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        var connection = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var extra = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = connection,
                ["Storage:SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            };
            await using var rig = await DiscordRig.StartAsync(10, extra: extra);
            var window = TimeSpan.FromSeconds(quick ? 5 : 10);
            await Task.Delay(TimeSpan.FromSeconds(5));
            var settled = await IdleCoresAsync(rig.Bot, window);

            var latencies = new List<double>();
            await Task.WhenAll(Enumerable.Range(0, 20).Select(i => rig.SignAsync(DiscordRig.GuildId(i % 10), rig.NewUser(), latencies)));
            var rightAfter = await IdleCoresAsync(rig.Bot, TimeSpan.FromSeconds(3));
            await Task.Delay(TimeSpan.FromSeconds(7));
            var afterUse = await IdleCoresAsync(rig.Bot, window);
            if (Environment.GetEnvironmentVariable("PB_IDLE_HOLD_SECONDS") is { } hold && int.TryParse(hold, out var seconds))
            {
                Console.WriteLine($"bot pid {rig.Bot.Id}: holding {seconds} s for inspection");
                await Task.Delay(TimeSpan.FromSeconds(seconds));
            }

            return
            [
                new BenchResult("postgres-idle", "bot CPU while idle, gateway held, PostgreSQL store", Math.Round(settled, 3), "cores", "", null,
                    $"{window.TotalSeconds:0} s, 5 s after READY; load average {PostgresBenchmark.LoadAverage()}"),
                new BenchResult("postgres-idle", "bot CPU in the 3 s right after 20 sign flows", Math.Round(rightAfter, 3), "cores", "", null,
                    "tiered JIT recompiling what the flows ran, pool and GC settling"),
                new BenchResult("postgres-idle", "bot CPU while idle after 20 sign flows", Math.Round(afterUse, 3), "cores", "", null,
                    $"{window.TotalSeconds:0} s, starting 10 s after the flows"),
            ];
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }

    private static async Task<double> IdleCoresAsync(BotProcess bot, TimeSpan window)
    {
        var before = bot.CpuTime;
        await Task.Delay(window);
        return (bot.CpuTime - before).TotalSeconds / window.TotalSeconds;
    }
}
