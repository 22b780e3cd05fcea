using System.Diagnostics;
using PetitionBot.Benchmarks.Support;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>The real bot (child process, both adapters) against the fake Discord and the fake Slack on loopback: cold start
/// to READY, idle RSS with 200 guilds, ack latency of a burst of complete sign flows across 50 guilds and 5 Slack
/// workspaces (and peak RSS during it), the sustained signing rate (Discord) in steps until p99 ack passes 1 s, then the
/// same burst again on the bot that has run all that.
/// Discord ack = fake dispatches INTERACTION_CREATE → first callback arrives; Slack ack = envelope written → ack arrives.</summary>
internal static class DiscordLoadBenchmark
{
    private const int Guilds = 200;
    private const int FlowGuilds = 50;
    private const int Teams = 5;

    /// <summary>Every fifth flow of the burst is a Slack flow (20%, 40 per workspace in the full run).</summary>
    private const int SlackEvery = 5;

    /// <summary>Issue 16: a burst of 1,000 flows acked with p99 at most this, on both platforms.</summary>
    private const double BurstP99TargetMs = 500;

    /// <summary>Discord's interaction callback and Slack's envelope ack both have 3 s.</summary>
    private const double DeadlineMs = 3000;

    /// <summary>Issue 16: the highest signing step with p99 ack at most 100 ms is at least this.</summary>
    private const int SigningStepTarget = 800;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        var results = new List<BenchResult>();
        await using var slack = await SlackDriver.StartAsync(Teams);
        var dir = DiscordRig.NewDirectory();
        await BenchSeed.RunAsync(dir, null, services => BenchSeed.InstallAsync(services, slack, Teams));
        var settings = slack.Settings();
        var metricsUrl = StoreWrites.FreeUrl();
        settings["Http:MetricsUrls"] = metricsUrl;
        await using var rig = await DiscordRig.StartAsync(Guilds, dir, settings);
        await slack.WaitForSocketAsync();
        var fake = rig.Fake;
        var identify = fake.GatewayFrames.First(f => f.Op == 2).ReceivedAt - rig.Bot.StartedAtUtc;
        var ready = fake.ReadySentAt!.Value - rig.Bot.StartedAtUtc;
        results.Add(new BenchResult("footprint", "cold start to Identify", Math.Round(identify.TotalMilliseconds), "ms", "", null, $"process start (dotnet petitionbot.dll, {PublishedBot.Description}) → fake receives op 2; both adapters configured"));
        results.Add(new BenchResult("footprint", "cold start to READY", Math.Round(ready.TotalMilliseconds), "ms", "<= 2000", ready.TotalMilliseconds <= 2000, "process start → fake sent READY"));

        await Task.Delay(TimeSpan.FromSeconds(quick ? 4 : 6));
        var idle = rig.Bot.RssMb;
        results.Add(new BenchResult("footprint", $"idle RSS with {Guilds} guilds", Math.Round(idle, 1), "MB", "<= 150", idle <= 150, $"VmRSS after READY + 200 GUILD_CREATE and a settle; Slack socket open, {Teams} workspaces installed"));

        // Warm-up: a few flows on each platform so first-use costs (loading, first compilation) are not counted in the burst.
        var warm = new List<double>();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => rig.SignAsync(DiscordRig.GuildId(i % FlowGuilds), rig.NewUser(), warm))
            .Concat(Enumerable.Range(0, Teams).Select(i => slack.SignAsync(SlackDriver.TeamId(i), slack.NewUser(SlackDriver.TeamId(i)), warm))));

        // The target rows are the first burst after start, which also pays for the runtime optimizing the flows' code
        // (tiered compilation: a method is compiled again, optimized, after 30 calls; 25 warm-up flows are fewer). The
        // same burst on a running bot, after the signing-rate steps, is reported.
        var flows = quick ? 300 : 1000;
        var burst = new List<BenchResult>(await BurstAsync(rig, slack, flows, running: false));
        var peak = rig.Bot.PeakRssMb;
        var sustained = await SustainedAsync(rig, quick, new StoreWrites(metricsUrl));
        await Task.Delay(TimeSpan.FromSeconds(2));
        burst.AddRange(await BurstAsync(rig, slack, flows, running: true));
        results.AddRange(burst);
        results.Add(new BenchResult("footprint", "peak RSS (through the burst)", Math.Round(peak, 1), "MB", "", null, "VmHWM of the bot process after the first burst"));
        results.AddRange(sustained);
        return results;
    }

    private static async Task<IReadOnlyList<BenchResult>> BurstAsync(DiscordRig rig, SlackDriver slack, int flows, bool running)
    {
        var slackFlows = flows / SlackEvery;
        var discordLatencies = new List<double>(flows * 4);
        var slackLatencies = new List<double>(slackFlows * 4);
        var cpu = rig.Bot.CpuTime;
        var driverCpu = Process.GetCurrentProcess().TotalProcessorTime;
        rig.AcksByStep = new StepAcks();
        var sw = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, flows).Select(i => Task.Run(async () =>
        {
            if (i % SlackEvery == SlackEvery - 1)
            {
                var team = SlackDriver.TeamId(i / SlackEvery % Teams);
                return (Slack: true, Ok: await slack.SignAsync(team, slack.NewUser(team), slackLatencies));
            }

            return (Slack: false, Ok: await rig.SignAsync(DiscordRig.GuildId(i % FlowGuilds), rig.NewUser(), discordLatencies));
        })));
        var wall = sw.Elapsed;
        var steps = rig.AcksByStep.Summary();
        rig.AcksByStep = null;
        var botCpu = rig.Bot.CpuTime - cpu;
        driverCpu = Process.GetCurrentProcess().TotalProcessorTime - driverCpu;
        var which = running ? "a running bot (after the signing-rate steps): " : "the first burst after start (25 warm-up flows): ";
        var shared = which + $"{flows} flows released at once ({flows - slackFlows} Discord over {FlowGuilds} guilds, {slackFlows} Slack over {Teams} workspaces), " +
                     $"done in {wall.TotalSeconds:0.0} s; bot CPU {botCpu.TotalMilliseconds / flows:0.0} ms/flow, driver+fakes CPU {driverCpu.TotalMilliseconds / flows:0.0} ms/flow";
        return
        [
            .. BurstRows("Discord", discordLatencies, outcomes.Count(o => !o.Slack && !o.Ok), flows - slackFlows, shared + "; p99 by step: " + steps, running),
            .. BurstRows("Slack", slackLatencies, outcomes.Count(o => o.Slack && !o.Ok), slackFlows,
                which + $"ack = envelope written to the socket → the bot's Socket Mode ack; 4 envelopes per flow; fake enforces the published tiers; {slack.Fake.RateLimitViolations} 429s from the fake", running),
        ];
    }

    private static IEnumerable<BenchResult> BurstRows(string platform, List<double> latencies, int failed, int flows, string note, bool running)
    {
        var sorted = latencies.Order().ToList();
        var p99 = Stopwatches.Percentile(sorted, 99);
        var max = sorted.Count == 0 ? double.NaN : sorted[^1];
        var suffix = running ? " (running bot)" : "";
        yield return new BenchResult("ack burst", $"{platform} p50 ack{suffix}", Math.Round(Stopwatches.Percentile(sorted, 50), 1), "ms", "", null,
            $"{flows} {platform} flows ({sorted.Count} acks), {failed} flows failed; " + note);
        var late = sorted.Count(ms => ms >= DeadlineMs);
        var deadline = $"the platform's deadline is {DeadlineMs} ms: {late} of {sorted.Count} acks past it";
        yield return running
            ? new BenchResult("ack burst", $"{platform} p99 ack{suffix}", Math.Round(p99, 1), "ms", "", null, $"reported; {deadline}")
            : new BenchResult("ack burst", $"{platform} p99 ack", Math.Round(p99, 1), "ms", $"<= {BurstP99TargetMs}", p99 <= BurstP99TargetMs,
                $"target from issue 16 (burst of 1,000 flows, p99 ack <= {BurstP99TargetMs} ms on both platforms); {deadline}");
        yield return new BenchResult("ack burst", $"{platform} max ack{suffix}", Math.Round(max, 1), "ms", $"< {DeadlineMs} (deadline)", max < DeadlineMs && failed == 0,
            $"{failed} of {flows} flows failed");
    }

    private static async Task<IReadOnlyList<BenchResult>> SustainedAsync(DiscordRig rig, bool quick, StoreWrites writes)
    {
        var results = new List<BenchResult>();
        var (writesBefore, flowsDone) = (await writes.ReadAsync(), 0);
        var duration = TimeSpan.FromSeconds(quick ? 3 : 5);
        int[] rates = [50, 100, 200, 400, 800];
        int? best = null;
        double? p99At200 = null;
        foreach (var rate in rates)
        {
            var latencies = new List<double>();
            var cpu = rig.Bot.CpuTime;
            var sw = Stopwatch.StartNew();
            var (outcomes, offeredFor) = await RateDriver.OfferAsync(rig, rate, duration, FlowGuilds, (guild, user) => rig.SignAsync(guild, user, latencies));
            var count = outcomes.Length;
            var botCores = (rig.Bot.CpuTime - cpu) / sw.Elapsed;
            var sorted = latencies.Order().ToList();
            var p50 = Stopwatches.Percentile(sorted, 50);
            var p99 = Stopwatches.Percentile(sorted, 99);
            var failed = outcomes.Count(ok => !ok);
            flowsDone += count - failed;
            var achieved = count / offeredFor.TotalSeconds;
            results.Add(new BenchResult("signing rate", $"p99 ack at {rate}/s", Math.Round(p99, 1), "ms", rate == 200 ? "<= 100" : "", rate == 200 ? p99 <= 100 : null,
                $"p50 {p50:0.0} ms, max {(sorted.Count > 0 ? sorted[^1] : double.NaN):0} ms; {count} flows offered at {achieved:0}/s, all done in {sw.Elapsed.TotalSeconds:0.0} s; {failed} failed; bot used {botCores:0.00} cores"));
            if (rate == 200)
            {
                p99At200 = p99;
            }

            if (p99 <= 100 && failed == 0)
            {
                best = rate;
            }

            if (p99 > 1000 || failed > count / 20)
            {
                break;
            }
        }

        var perFlow = flowsDone == 0 ? -1 : (await writes.ReadAsync() - writesBefore) / flowsDone;
        results.Add(new BenchResult("signing rate", "store write transactions per sign flow", Math.Round(perFlow, 2), "transactions", "<= 2", perFlow <= 2,
            $"petitionbot_store_write_transactions_total (LiteDB commits) over the signing-rate steps / {flowsDone} completed Discord flows (/sign → role → named → form → sign); includes any background writes"));
        results.Add(new BenchResult("signing rate", "highest step with p99 ack <= 100 ms", best ?? 0, "signatures/s", $">= {SigningStepTarget}", best >= SigningStepTarget,
            p99At200 is null ? "200/s not reached" : $"p99 at 200/s: {p99At200:0.0} ms"));
        return results;
    }
}
