using System.Diagnostics;
using System.Globalization;
using PetitionBot.Benchmarks.Support;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>Issue 14: the sign path with <c>Verification=email</c> against today's (<c>none</c>), in the same run, both at
/// 200 sign flows/s through the real bot (a child process on the fake Discord). Two bot processes run side by side,
/// each on its own fake Discord and fresh database; the email one mails its codes over SMTP to the tests' SMTP server
/// (run in a process of its own, <see cref="SmtpSink"/>, so its work is not the driver's),
/// the driver reads each code out of its message and types it. Rounds alternate (none, email, email, none, …) so the
/// machine's load hits both alike. p99 ack = the 99th percentile over every interaction of every flow (6 per flow
/// today, 7 with the email typed in the form), the same measure as the signing-rate rows. Target: email ≤ 1.2 × none.</summary>
internal static class EmailSignBenchmark
{
    private const int Rate = 200;
    private const int FlowGuilds = 50;
    private const string Domain = "bench-school.example.edu";
    private const double Target = 1.2;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        await using var inbox = await MailInbox.StartAsync();
        await using var none = await DiscordRig.StartAsync(FlowGuilds);
        await using var email = await DiscordRig.StartAsync(FlowGuilds, extra: new Dictionary<string, string?>
        {
            ["Campaigns:0:Verification"] = "email",
            ["Campaigns:0:EmailDomains:0"] = Domain,
            ["Email:From"] = "Bench petition <petition@example.org>",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = inbox.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        });

        // Warm-up, not counted: first connections and MailKit, then each mode at the measured rate long enough for the
        // runtime's tiered compilation to finish (a bot runs for weeks; the first seconds after start are not its steady state).
        var warm = new EmailFlowTimes();
        await Task.WhenAll(Enumerable.Range(0, 20).SelectMany(i => new[]
        {
            none.SignAsync(DiscordRig.GuildId(i % FlowGuilds), none.NewUser(), warm.Acks),
            email.SignWithEmailAsync(DiscordRig.GuildId(i % FlowGuilds), email.NewUser(), Domain, inbox.CodeForAsync, warm),
        }));
        var warmUp = TimeSpan.FromSeconds(quick ? 1 : 6);
        var warmNone = new Run("none");
        var warmEmail = new Run("email");
        await DriveAsync(email, warmEmail, inbox, warmUp, (guild, user) => email.SignWithEmailAsync(guild, user, Domain, inbox.CodeForAsync, warmEmail.Times));
        await DriveAsync(none, warmNone, inbox, warmUp, (guild, user) => none.SignAsync(guild, user, warmNone.Times.Acks));

        // Acks by step from here on (measured rounds only): is the email run's tail one step's, or every step's?
        var noneSteps = new StepAcks();
        var emailSteps = new StepAcks();
        none.AcksByStep = noneSteps;
        email.AcksByStep = emailSteps;
        var duration = TimeSpan.FromSeconds(quick ? 3 : 5);
        var rounds = quick ? 1 : 2;
        var baseline = new Run("none");
        var verified = new Run("email");
        for (var round = 0; round < rounds; round++)
        {
            foreach (var emailFirst in round % 2 == 0 ? new[] { false, true } : [true, false])
            {
                if (emailFirst)
                {
                    await DriveAsync(email, verified, inbox, duration, (guild, user) => email.SignWithEmailAsync(guild, user, Domain, inbox.CodeForAsync, verified.Times));
                }
                else
                {
                    await DriveAsync(none, baseline, inbox, duration, (guild, user) => none.SignAsync(guild, user, baseline.Times.Acks));
                }
            }
        }

        var p99None = baseline.P99;
        var p99Email = verified.P99;
        var ratio = p99Email / p99None;
        var load = $"{rounds} × {duration.TotalSeconds:0} s per mode, alternating; load average {Load()} at the end";
        return
        [
            baseline.Row($"p99 ack at {Rate}/s, Verification=none (today's flow)", "6 interactions per flow"),
            verified.Row($"p99 ack at {Rate}/s, Verification=email", "7 interactions per flow (the school email typed in the form, the code mailed when \"Other\" settles the school, Enter code, code added); codes over SMTP (plain) to the in-process server"),
            new BenchResult("email sign", "p99 ack, email / none", Math.Round(ratio, 2), "x", $"<= {Target}", ratio <= Target, load),
            new BenchResult("email sign", "slowest step's p99 ack, Verification=none", Math.Round(noneSteps.SlowestP99, 1), "ms", "", null,
                "p99 ack (ms) by step, with its number of acks: " + noneSteps.Summary()),
            new BenchResult("email sign", "slowest step's p99 ack, Verification=email", Math.Round(emailSteps.SlowestP99, 1), "ms", "", null,
                "p99 ack (ms) by step, with its number of acks: " + emailSteps.Summary() +
                "; the steps both flows share are slower too: the whole machine is busier (see the cores above)"),
            Info("the step that mails the code: p99 ack", verified.Times.AddressAcks, "the interaction after which the code goes (\"Other\", the school settled)"),
            Info("the step that mails the code: p99 answer (dispatch → code prompt arrived)", verified.Times.AddressAnswers, "what the signer waits for before \"Enter code\" shows"),
            Info("code step answered → mail received: p99", verified.Times.MailArrivals, $"{inbox.Received} messages received in all"),
        ];
    }

    private static async Task DriveAsync(DiscordRig rig, Run run, MailInbox inbox, TimeSpan duration, Func<string, string, Task<bool>> flow)
    {
        var cpu = rig.Bot.CpuTime;
        var driverCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sinkCpu = inbox.SinkCpu;
        var sw = Stopwatch.StartNew();
        var (outcomes, offered) = await RateDriver.OfferAsync(rig, Rate, duration, FlowGuilds, flow);
        run.Flows += outcomes.Length;
        run.Failed += outcomes.Count(ok => !ok);
        run.Offered += offered;
        run.Busy += sw.Elapsed;
        run.BotCpu += rig.Bot.CpuTime - cpu;
        run.DriverCpu += Process.GetCurrentProcess().TotalProcessorTime - driverCpu;
        run.SinkCpu += inbox.SinkCpu - sinkCpu;
    }

    private static BenchResult Info(string metric, List<double> values, string note)
    {
        var sorted = values.Order().ToList();
        return new BenchResult("email sign", metric, Math.Round(Stopwatches.Percentile(sorted, 99), 1), "ms", "", null,
            $"p50 {Stopwatches.Percentile(sorted, 50):0.0} ms, max {(sorted.Count > 0 ? sorted[^1] : double.NaN):0.0} ms over {sorted.Count}; {note}");
    }

    private static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed class Run(string mode)
    {
        public EmailFlowTimes Times { get; } = new();

        public int Flows { get; set; }

        public int Failed { get; set; }

        public TimeSpan Offered { get; set; }

        public TimeSpan Busy { get; set; }

        public TimeSpan BotCpu { get; set; }

        public TimeSpan DriverCpu { get; set; }

        public TimeSpan SinkCpu { get; set; }

        public double P99 => Stopwatches.Percentile(Times.Acks.Order().ToList(), 99);

        public BenchResult Row(string metric, string shape)
        {
            var sorted = Times.Acks.Order().ToList();
            return new BenchResult("email sign", metric, Math.Round(P99, 1), "ms", "", null,
                $"p50 {Stopwatches.Percentile(sorted, 50):0.0} ms, max {(sorted.Count > 0 ? sorted[^1] : double.NaN):0.0} ms; {Flows} flows offered at " +
                $"{Flows / Offered.TotalSeconds:0}/s ({sorted.Count} acks), {Failed} failed{(Times.FirstFailure is { } why ? $" (first: {why})" : "")}; bot used {BotCpu / Busy:0.00} cores, driver + fake Discord {DriverCpu / Busy:0.00}, SMTP server {SinkCpu / Busy:0.00}; {shape}; mode {mode}");
        }
    }
}
