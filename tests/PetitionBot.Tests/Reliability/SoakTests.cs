using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Fakes.Discord;
using PetitionBot.Fakes.Slack;
using PetitionBot.Hosting;
using PetitionBot.Tests.Slack;
using PetitionBot.Tests.Support;
using Xunit.Abstractions;

namespace PetitionBot.Tests.Reliability;

/// <summary>
/// A bounded soak: ONE real host with both adapters against the fake Discord and the fake Slack. Three hundred distinct
/// people sign across three Discord guilds and three Slack workspaces while <see cref="SoakFaultInjector"/> injects a
/// seeded schedule of faults: dropped sockets and close codes, 5xx and 429 storms with Retry-After, slow answers, and
/// duplicate deliveries (the same interaction twice, envelope redelivery). Seed: PETITIONBOT_SOAK_SEED or a fixed
/// default, written to the test output so a failure can be replayed.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20250128;
    private const int PeoplePerPlatform = 150;
    private const string Campaign = "test";
    private static readonly int[] Milestones = [2, 5, 25, 50, 100, 150, 200, 250, 300];
    private static readonly string[] Guilds = ["510000000000000001", "510000000000000002", "510000000000000003"];
    private static readonly string[] Teams = ["T0SOAK1", "T0SOAK2", "T0SOAK3"];

    private readonly ConcurrentBag<string> _signed = [];
    private readonly ConcurrentBag<string> _alreadySigned = [];
    private readonly ConcurrentBag<string> _gaveUp = [];
    private readonly ConcurrentDictionary<string, string> _attempts = new(StringComparer.Ordinal);
    private int _redelivered;

    [Fact]
    public async Task Soak_BothPlatformsUnderSeededFaults_NothingLostNothingTwiceHostAlive()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PETITIONBOT_SOAK_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        output.WriteLine($"soak seed: {seed} (set PETITIONBOT_SOAK_SEED to replay another)");
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            // Other tests of this assembly run beside the soak. An in-process SMTP server (the SmtpServer package) leaves
            // its cancelled TcpListener accept unobserved when it stops; src has no TcpListener, so such an exception is
            // never the bot's. Everything else counts.
            if (!e.Exception.InnerExceptions.All(x => x is System.Net.Sockets.SocketException && (x.StackTrace ?? "").Contains("TcpListener", StringComparison.Ordinal)))
            {
                unobserved.Enqueue(e.Exception);
            }
        }

        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            // A hang anywhere is a failure, not a stuck CI job.
            await RunAsync(new Random(seed), unobserved).WaitAsync(TimeSpan.FromSeconds(240));
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    private async Task RunAsync(Random rng, ConcurrentQueue<Exception> unobserved)
    {
        var clock = Stopwatch.StartNew();
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { Guilds = [.. Guilds.Select((g, i) => new FakeGuild(g, $"School {i}"))] });
        var slack = await FakeSlackServer.StartAsync();
        await using var slackDisposal = slack;
        slack.AckTimeout = TimeSpan.FromSeconds(4);
        foreach (var team in Teams)
        {
            slack.AddTeam(team).AddUser("U0ADMIN", isAdmin: true);
        }

        using var dir = new TempDirectory();
        var logs = new LogRecorder();
        var host = await StartHostAsync(discord, slack, dir.Path, logs);
        try
        {
            var d = new SoakDiscordDriver(discord);
            var sl = new SoakSlackDriver(slack, () => Interlocked.Increment(ref _redelivered));
            for (var i = 0; i < Guilds.Length; i++)
            {
                await d.SetupAsync(Guilds[i], DiscordChannel(i));
            }

            for (var i = 0; i < Teams.Length; i++)
            {
                await sl.SetupAsync(Teams[i], SlackChannel(i));
            }

            var people = People(rng, slack);
            var faults = new SoakFaultInjector(discord, slack, new Random(rng.Next()));
            faults.ArmByRequestCount();
            using var stopFaults = new CancellationTokenSource();
            var faulting = Task.Run(() => faults.RunAsync(stopFaults.Token));
            var queue = new ConcurrentQueue<SoakPerson>(people);
            var workers = Enumerable.Range(0, 16).Select(_ => new Random(rng.Next())).ToList().Select(wr => Task.Run(async () =>
            {
                while (queue.TryDequeue(out var p))
                {
                    var duplicate = wr.Next(10) == 0;
                    await SignWithRetriesAsync(() => p.Discord ? d.SignAsync(p.Workspace, p.User, p.Named, duplicate) : sl.SignAsync(p.Workspace, p.User, p.Named, duplicate), p.Key);
                }
            })).ToList();
            await Task.WhenAll(workers);
            await FakeDiscordServer.WaitUntilAsync(() => faults.Rounds > 2, "three rounds of faults", TimeSpan.FromSeconds(30));
            await stopFaults.CancelAsync();
            await faulting;

            // One more command on each platform while the last storms may still be pending, so a storm queued just
            // before the signers ran out is met too.
            Assert.Contains("Test petition", await d.PetitionAsync(Guilds[1], "690000000000000002"), StringComparison.Ordinal);
            slack.Team(Teams[1]).AddUser("U0MIDSTORM");
            Assert.Contains("Test petition", await sl.PetitionAsync(Teams[1], "U0MIDSTORM"), StringComparison.Ordinal);
            // The first storm of each asserted class was armed by request count, so the bot meets it as long as it keeps
            // making those requests (a failed post is retried): wait for that rather than take the counts at an instant
            // when a retry may still be on its way.
            var served = await faults.ServedOnceEachAsync(TimeSpan.FromSeconds(60));
            output.WriteLine($"still pending: discord callbacks {discord.PendingFaults("POST", "interactions/")}, channels {discord.PendingFaults("POST", "channels/")}; slack postMessage {slack.PendingFaults("chat.postMessage")}, postEphemeral {slack.PendingFaults("chat.postEphemeral")}, views.open {slack.PendingFaults("views.open")}");
            discord.ClearFaults();
            slack.ClearFaults();
            output.WriteLine($"signing done at {clock.Elapsed}; rounds {faults.Rounds}; injected: {Describe(faults.Injected)}; served: {Describe(served)}; redeliveries after drops: {_redelivered}; gateway resumes {discord.CountOp(6)}, identifies {discord.CountOp(2)}; slack sockets {slack.Connections.Count}");
            Assert.All(SoakFaultInjector.Classes, f => Assert.True(faults.Injected.GetValueOrDefault(f) > 0, "fault class never injected: " + f));
            Assert.True(discord.CountOp(6) > 0, "the Discord adapter never resumed after a close");
            Assert.True(slack.Connections.Count > 2, "the Slack adapter never reconnected");

            await ProbeGaveUpAsync(people, d, sl);
            await AssertEveryConfirmedSignerStoredOnceAsync(host, people);
            var stats = await host.Services.GetRequiredService<ISignatureStore>().GetStatsAsync(Campaign, DateTimeOffset.UtcNow);
            var expected = Milestones.Count(m => m <= stats.Total);
            await AssertMilestonesAnnouncedOnceAsync(host, discord, slack, expected);
            Assert.All(SoakFaultInjector.Asserted, f => Assert.True(served.GetValueOrDefault(f) > 0, "fault never reached the bot: " + f));

            // The host still answers on both platforms and over HTTP.
            Assert.Contains("Test petition", await d.PetitionAsync(Guilds[0], "690000000000000001"), StringComparison.Ordinal);
            slack.Team(Teams[0]).AddUser("U0LAST");
            Assert.Contains("Test petition", await sl.PetitionAsync(Teams[0], "U0LAST"), StringComparison.Ordinal);
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using (var http = new HttpClient { BaseAddress = new Uri(address) })
            using (var health = await http.GetAsync("/healthz"))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.Empty(unobserved);
            foreach (var g in logs.AtLeast(LogLevel.Warning).GroupBy(e => $"{e.Level} {e.Category}: {e.Message[..Math.Min(70, e.Message.Length)]}").OrderByDescending(g => g.Count()).Take(15))
            {
                output.WriteLine($"log x{g.Count()}: {g.Key}");
            }

            Assert.Empty(logs.AtLeast(LogLevel.Error));
            output.WriteLine($"soak finished in {clock.Elapsed}; milestones per channel {expected}; log lines {logs.Entries.Count}");
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await host.StopAsync(stop.Token);
            host.Dispose();
        }
    }

    private static async Task<IHost> StartHostAsync(FakeDiscordServer discord, FakeSlackServer slack, string directory, LogRecorder logs)
    {
        var settings = SlackHost.FastSlackSettings(slack, Teams[0]);
        settings["Discord:Token"] = discord.Options.Token;
        settings["Discord:ApplicationId"] = discord.Options.ApplicationId;
        settings["Discord:ApiBaseUrl"] = discord.ApiBaseUrl;
        settings["Campaigns:0:Goal"] = "1000";
        settings["Campaigns:0:SchoolMilestones:0"] = "100000";
        settings["Alerts:SpikeThreshold"] = "100000";
        settings["Outbox:PollInterval"] = "00:00:00.100";
        settings["Outbox:BaseBackoff"] = "00:00:00.200";
        settings["Outbox:MaxBackoff"] = "00:00:02";
        for (var i = 0; i < Milestones.Length; i++)
        {
            settings[$"Campaigns:0:Milestones:{i}"] = Milestones[i].ToString(CultureInfo.InvariantCulture);
        }

        var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Bot, [])
        {
            Overrides = TestConfig.For(directory, settings),
            ConfigureServices = sc =>
            {
                sc.RemoveAll<ILoggerProvider>();
                sc.AddSingleton<ILoggerProvider>(logs);
            },
        });
        var installations = host.Services.GetRequiredService<IInstallationStore>();
        foreach (var team in Teams.Skip(1))
        {
            await installations.SaveAsync(new Installation(new ServerRef(PlatformKind.Slack, team), slack.Team(team).BotToken, "U0BOT", team, DateTimeOffset.UtcNow));
        }

        await host.StartAsync();
        await slack.WaitForConnectionAsync(timeout: TimeSpan.FromSeconds(15));
        await FakeDiscordServer.WaitUntilAsync(() => discord.CountOp(2) >= 1 && discord.SessionId is not null, "the Discord adapter to identify", TimeSpan.FromSeconds(15));
        return host;
    }

    /// <summary>Distinct people spread over the six servers, in a seeded order; two in three sign with their name.</summary>
    private static List<SoakPerson> People(Random rng, FakeSlackServer slack)
    {
        var people = new List<SoakPerson>();
        for (var i = 0; i < PeoplePerPlatform; i++)
        {
            people.Add(new SoakPerson(true, Guilds[i % Guilds.Length], (600000000000000000L + i).ToString(CultureInfo.InvariantCulture), rng.Next(3) != 0));
            var team = Teams[i % Teams.Length];
            var user = $"U0S{i:D4}";
            slack.Team(team).AddUser(user);
            people.Add(new SoakPerson(false, team, user, rng.Next(3) != 0));
        }

        return [.. people.OrderBy(_ => rng.Next())];
    }

    /// <summary>One person's flow, tried again (as a person would) when an attempt ends without an answer. Attempts
    /// never overlap: each step of a driver gives up on its own after a bounded wait.</summary>
    private async Task SignWithRetriesAsync(Func<Task<string>> attempt, string who)
    {
        for (var i = 0; i < 4; i++)
        {
            string result;
            try
            {
                result = await attempt();
            }
            catch (TimeoutException ex)
            {
                result = "timeout: " + ex.Message;
            }

            _attempts.AddOrUpdate(who, result, (_, r) => r + " / " + result);
            switch (result)
            {
                case "signed":
                    _signed.Add(who);
                    return;
                case "already":
                    _alreadySigned.Add(who);
                    return;
            }
        }

        _gaveUp.Add(who);
    }

    /// <summary>Everyone who gave up asks once more, faults off: "already signed" or a fresh prompt settles it.</summary>
    private async Task ProbeGaveUpAsync(List<SoakPerson> people, SoakDiscordDriver d, SoakSlackDriver sl)
    {
        foreach (var who in _gaveUp.Distinct().ToList())
        {
            var p = people.First(x => x.Key == who);
            var state = p.Discord ? await d.ProbeAsync(p.Workspace, p.User) : await sl.ProbeAsync(p.Workspace, p.User);
            output.WriteLine($"gave up: {who} → {state}; attempts: {_attempts.GetValueOrDefault(who)}");
            if (state == "already")
            {
                _alreadySigned.Add(who);
            }
        }
    }

    /// <summary>Every confirmed signer is stored exactly once; nobody else is.</summary>
    private async Task AssertEveryConfirmedSignerStoredOnceAsync(IHost host, List<SoakPerson> people)
    {
        var signatures = host.Services.GetRequiredService<ISignatureStore>();
        var confirmed = _signed.Concat(_alreadySigned).ToHashSet(StringComparer.Ordinal);
        var stats = await signatures.GetStatsAsync(Campaign, DateTimeOffset.UtcNow);
        output.WriteLine($"people {people.Count}; saw signed {_signed.Distinct().Count()} (replies: {_signed.Count}); confirmed by 'already signed' {_alreadySigned.Distinct().Count()}; gave up {_gaveUp.Distinct().Count()}; stored {stats.Total}");
        Assert.Equal(_signed.Count, _signed.Distinct().Count());
        Assert.Equal(confirmed.Count, stats.Total);
        foreach (var p in people)
        {
            var found = await signatures.FindAsync(Campaign, p.Discord ? $"discord:{p.User}" : $"slack:{p.Workspace}:{p.User}");
            Assert.True(confirmed.Contains(p.Key) == found is not null, $"{p.Key}: confirmed {confirmed.Contains(p.Key)}, stored {found is not null}");
        }

        Assert.True(_gaveUp.Distinct().Count() <= people.Count / 50, $"{_gaveUp.Distinct().Count()} of {people.Count} never got an answer to finish signing");
    }

    /// <summary>Every milestone crossed is announced once in each of the six channels (Discord: one nonce each).</summary>
    private async Task AssertMilestonesAnnouncedOnceAsync(IHost host, FakeDiscordServer discord, FakeSlackServer slack, int expected)
    {
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var until = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        string Progress(int pending) => $"pending {pending}; discord {string.Join(",", Enumerable.Range(0, Guilds.Length).Select(i => discord.MessagesPosted(DiscordChannel(i))))}; slack {string.Join(",", Enumerable.Range(0, Teams.Length).Select(i => slack.MessagesPosted(Teams[i], SlackChannel(i))))}; expected {expected}";
        while (true)
        {
            var pending = await outbox.PendingCountAsync();
            if (pending == 0 && Enumerable.Range(0, Guilds.Length).All(i => discord.MessagesPosted(DiscordChannel(i)) >= expected)
                && Enumerable.Range(0, Teams.Length).All(i => slack.MessagesPosted(Teams[i], SlackChannel(i)) >= expected))
            {
                output.WriteLine("announcements delivered: " + Progress(pending));
                break;
            }

            Assert.True(DateTimeOffset.UtcNow < until, "announcements not delivered in 60 s: " + Progress(pending));
            await Task.Delay(100);
        }

        for (var i = 0; i < Guilds.Length; i++)
        {
            Assert.Equal(expected, discord.MessagesPosted(DiscordChannel(i)));
            var nonces = discord.Requests.Where(r => r.Method == "POST" && r.Path == $"channels/{DiscordChannel(i)}/messages" && r.Status == 200)
                .Select(r => r.Json?["nonce"]?.ToString()).ToList();
            Assert.Equal(expected, nonces.Distinct().Count());
            Assert.Equal(expected, nonces.Count);
        }

        for (var i = 0; i < Teams.Length; i++)
        {
            Assert.Equal(expected, slack.MessagesPosted(Teams[i], SlackChannel(i)));
        }
    }

    private static string Describe(IReadOnlyDictionary<string, int> counts) => string.Join(", ", counts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));

    private static string DiscordChannel(int i) => $"52000000000000000{i + 1}";

    private static string SlackChannel(int i) => $"C0ANN{i + 1}";
}
