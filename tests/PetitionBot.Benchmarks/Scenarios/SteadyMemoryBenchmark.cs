using PetitionBot.Benchmarks.Support;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>Memory under steady load: the real bot signs 200 Discord flows a second (1,200 interactions a second) for
/// 150 s, and its VmRSS is read every 10 s. Whatever the bot keeps per interaction for a bounded time (handled ids, forms,
/// rate-limit buckets) stops growing once that time has passed; anything kept longer, or for ever, keeps growing. The
/// burst and signing-rate rows of <see cref="DiscordLoadBenchmark"/> last seconds and cannot show it.</summary>
internal static class SteadyMemoryBenchmark
{
    private const int Rate = 200;
    private const int Guilds = 50;
    private static readonly TimeSpan Chunk = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        await using var rig = await DiscordRig.StartAsync(Guilds);
        var warm = new List<double>();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => rig.SignAsync(DiscordRig.GuildId(i % Guilds), rig.NewUser(), warm)));

        var chunks = quick ? 4 : 15;
        var rss = new List<double>(chunks);
        var latencies = new List<double>();
        var failed = 0;
        var cpu = rig.Bot.CpuTime;
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var c = 0; c < chunks; c++)
        {
            var (outcomes, _) = await RateDriver.OfferAsync(rig, Rate, Chunk, Guilds, (guild, user) => rig.SignAsync(guild, user, latencies));
            failed += outcomes.Count(ok => !ok);
            rss.Add(rig.Bot.RssMb);
        }

        var seconds = (int)(chunks * Chunk.TotalSeconds);
        var early = rss[Math.Min(2, rss.Count - 1)];
        var growth = rss[^1] - early;
        var flows = Rate * seconds;
        var sorted = latencies.Order().ToList();
        var samples = string.Join(", ", rss.Select(r => r.ToString("0", System.Globalization.CultureInfo.InvariantCulture)));
        var shared = $"{flows} flows at {Rate}/s ({Rate * 6}/s interactions), {failed} failed; bot used {(rig.Bot.CpuTime - cpu) / started.Elapsed:0.00} cores";
        return
        [
            new BenchResult("steady memory", $"RSS after 30 s of {Rate} flows/s", Math.Round(early, 1), "MB", "", null, shared),
            new BenchResult("steady memory", $"RSS after {seconds} s", Math.Round(rss[^1], 1), "MB", "", null, $"VmRSS every 10 s: {samples} MB"),
            new BenchResult("steady memory", $"RSS growth from 30 s to {seconds} s", Math.Round(growth, 1), "MB", "", null,
                "reported; an interaction's callback keeps no rate-limit bucket unless Discord asks for a wait (other buckets 20 s at most), each signer's recent interactions 2 min (every flow here is a new signer), and the GC leaves some garbage in RSS until a full collection"),
            new BenchResult("steady memory", "p99 ack through the run", Math.Round(Stopwatches.Percentile(sorted, 99), 1), "ms", "", null,
                $"p50 {Stopwatches.Percentile(sorted, 50):0.0} ms over {sorted.Count} acks"),
        ];
    }
}
