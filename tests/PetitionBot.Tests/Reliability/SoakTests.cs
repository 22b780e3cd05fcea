using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
/// A bounded soak: ONE real host with both adapters against the fake Discord and the fake Slack. A few hundred distinct
/// people sign across three Discord guilds and three Slack workspaces while a seeded schedule injects faults: dropped
/// sockets and close codes (Discord 4000, op 7; Slack disconnect refresh_requested / warning, abrupt socket drops),
/// 5xx and 429 storms with Retry-After on both REST APIs, slow responses, and duplicate deliveries (the same interaction
/// twice, envelope redelivery). Seed: PETITIONBOT_SOAK_SEED or a fixed default, logged in the test output.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20250128;
    private const string Campaign = "test";
    private static readonly int[] Milestones = [2, 5, 25, 50, 100, 150, 200];
    private static readonly string[] Guilds = ["510000000000000001", "510000000000000002", "510000000000000003"];
    private static readonly string[] Teams = ["T0SOAK1", "T0SOAK2", "T0SOAK3"];

    private static readonly string[] FaultClasses =
    [
        "discord close 4000", "discord op 7 reconnect", "slack disconnect refresh_requested", "slack disconnect warning", "slack socket dropped",
        "discord 5xx storm (channels)", "discord 429 storm (channels)", "discord 429 (webhooks)", "slack 5xx storm (chat.postMessage)",
        "slack 429 storm (chat.postMessage)", "slack 429 (chat.postEphemeral)", "slow responses",
    ];

    private readonly ConcurrentBag<string> _signed = [];
    private readonly ConcurrentBag<string> _alreadySigned = [];
    private readonly ConcurrentBag<string> _gaveUp = [];
    private readonly ConcurrentDictionary<string, int> _faults = new(StringComparer.Ordinal);
    private readonly Queue<int> _pending = new();
    private readonly ConcurrentDictionary<string, string> _attempts = new(StringComparer.Ordinal);
    private int _redelivered;
    private int _rounds;

    [Fact]
    public async Task Soak_BothPlatformsUnderSeededFaults_NothingLostNothingTwiceHostAlive()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PETITIONBOT_SOAK_SEED"), out var s) ? s : DefaultSeed;
        output.WriteLine($"soak seed: {seed} (set PETITIONBOT_SOAK_SEED to replay another)");
        var rng = new Random(seed);
        var perPlatform = 150;

        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            // A hang anywhere is a failure, not a stuck CI job.
            await RunAsync(rng, perPlatform, unobserved).WaitAsync(TimeSpan.FromSeconds(180));
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }
    }

    private async Task RunAsync(Random rng, int perPlatform, ConcurrentQueue<Exception> unobserved)
    {
        var clock = Stopwatch.StartNew();
        await using var discord = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            Guilds = [.. Guilds.Select((g, i) => new FakeGuild(g, $"School {i}"))],
        });
        var slack = await FakeSlackServer.StartAsync();
        await using var slackDisposal = slack;
        slack.AckTimeout = TimeSpan.FromSeconds(4);
        foreach (var team in Teams)
        {
            slack.AddTeam(team).AddUser("U0ADMIN", isAdmin: true);
        }

        using var dir = new TempDirectory();
        var logs = new LogRecorder();
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = discord.Options.Token,
            ["Discord:ApplicationId"] = discord.Options.ApplicationId,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Slack:AppToken"] = slack.AppToken,
            ["Slack:BotToken"] = slack.Team(Teams[0]).BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
            ["Slack:MethodPacing"] = "false",
            ["Slack:KeepAliveInterval"] = "00:00:00.500",
            ["Slack:KeepAliveTimeout"] = "00:00:01",
            ["Slack:HelloTimeout"] = "00:00:03",
            ["Slack:ReconnectDelay"] = "00:00:00.050",
            ["Slack:MaxReconnectDelay"] = "00:00:00.500",
            ["Slack:TooManyWebsocketsDelay"] = "00:00:00.400",
            ["Campaigns:0:Goal"] = "1000",
            ["Campaigns:0:SchoolMilestones:0"] = "100000",
            ["Alerts:SpikeThreshold"] = "100000",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:BaseBackoff"] = "00:00:00.200",
            ["Outbox:MaxBackoff"] = "00:00:02",
        };
        for (var i = 0; i < Milestones.Length; i++)
        {
            settings[$"Campaigns:0:Milestones:{i}"] = Milestones[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Bot, [])
        {
            Overrides = TestConfig.For(dir.Path, settings),
            ConfigureServices = sc =>
            {
                sc.RemoveAll<ILoggerProvider>();
                sc.AddSingleton<ILoggerProvider>(logs);
            },
        });
        var installations = host.Services.GetRequiredService<IInstallationStore>();
        foreach (var team in Teams.Skip(1))
        {
            await installations.SaveAsync(new Installation(new WorkspaceRef(PlatformKind.Slack, team), slack.Team(team).BotToken, "U0BOT", team, DateTimeOffset.UtcNow));
        }

        await host.StartAsync();
        try
        {
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            await slack.WaitForConnectionAsync(timeout: TimeSpan.FromSeconds(15));
            await FakeDiscordServer.WaitUntilAsync(() => discord.CountOp(2) >= 1 && discord.SessionId is not null, "the Discord adapter to identify", TimeSpan.FromSeconds(15));

            var d = new DiscordDriver(discord);
            var sl = new SlackDriver(slack, this);

            // Setup: every guild and workspace gets an announcement channel.
            for (var i = 0; i < Guilds.Length; i++)
            {
                await d.SetupAsync(Guilds[i], DiscordChannel(i));
            }

            for (var i = 0; i < Teams.Length; i++)
            {
                await sl.SetupAsync(Teams[i], SlackChannel(i));
            }

            // People: distinct users spread over the six servers, in a seeded order.
            var people = new List<(bool Discord, string Workspace, string User, bool Named)>();
            for (var i = 0; i < perPlatform; i++)
            {
                people.Add((true, Guilds[i % Guilds.Length], (600000000000000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture), rng.Next(3) != 0));
                var team = Teams[i % Teams.Length];
                var user = $"U0S{i:D4}";
                slack.Team(team).AddUser(user);
                people.Add((false, team, user, rng.Next(3) != 0));
            }

            people = [.. people.OrderBy(_ => rng.Next())];
            var faultRng = new Random(rng.Next());
            using var stopFaults = new CancellationTokenSource();
            var faults = Task.Run(() => InjectFaultsAsync(faultRng, discord, slack, stopFaults.Token));

            var queue = new ConcurrentQueue<(bool Discord, string Workspace, string User, bool Named)>(people);
            var workerSeeds = Enumerable.Range(0, 16).Select(_ => rng.Next()).ToList();
            var workers = workerSeeds.Select(ws => Task.Run(async () =>
            {
                var wr = new Random(ws);
                while (queue.TryDequeue(out var p))
                {
                    Progress?.Invoke($"sign {p.Workspace}:{p.User}");
                    var duplicate = wr.Next(10) == 0;
                    if (p.Discord)
                    {
                        await SignWithRetriesAsync(() => d.SignAsync(p.Workspace, p.User, p.Named, duplicate), p.User);
                    }
                    else
                    {
                        await SignWithRetriesAsync(() => sl.SignAsync(p.Workspace, p.User, p.Named, duplicate), p.Workspace + ":" + p.User);
                    }
                }
            })).ToList();
            await Task.WhenAll(workers);
            await FakeDiscordServer.WaitUntilAsync(() => Volatile.Read(ref _rounds) > 2, "two full rounds of faults", TimeSpan.FromSeconds(30));
            await stopFaults.CancelAsync();
            await faults;
            output.WriteLine($"signing done at {clock.Elapsed}; faults: {string.Join(", ", _faults.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"))}; redeliveries after drops: {_redelivered}");
            Assert.All(FaultClasses, f => Assert.True(_faults.ContainsKey(f), "fault class never injected: " + f));

            // Everyone who gave up under faults asks once more, faults off: "already signed" or a fresh prompt settles it.
            foreach (var who in _gaveUp.Distinct().ToList())
            {
                var p = people.First(x => (x.Discord ? x.User : x.Workspace + ":" + x.User) == who);
                var state = p.Discord ? await d.ProbeAsync(p.Workspace, p.User) : await sl.ProbeAsync(p.Workspace, p.User);
                var seen = p.Discord ? "" : string.Join(" | ", slack.MessagesFor(p.Workspace, p.User).Select(m => m.Kind + ":" + m.Text[..Math.Min(60, m.Text.Length)]))
                    + " calls: " + string.Join(", ", slack.Calls.Where(c => c.TeamId == p.Workspace && c.Body.Contains(p.User, StringComparison.Ordinal)).Select(c => $"{c.Method}={c.StatusCode}/{c.Error}"));
                output.WriteLine($"gave up: {who} → {state}; attempts: {_attempts.GetValueOrDefault(who)}; saw: {seen}");
                if (state == "already")
                {
                    _alreadySigned.Add(who);
                }
            }

            // Every confirmed signer is stored once; nobody else is.
            var signatures = host.Services.GetRequiredService<ISignatureStore>();
            var confirmed = _signed.Concat(_alreadySigned).Distinct().ToList();
            var stats = await signatures.GetStatsAsync(Campaign, DateTimeOffset.UtcNow);
            output.WriteLine($"people {people.Count}; saw signed {_signed.Distinct().Count()} (replies: {_signed.Count}); confirmed by 'already signed' {_alreadySigned.Distinct().Count()}; gave up {_gaveUp.Distinct().Count()}; stored {stats.Total}");
            Assert.Equal(_signed.Count, _signed.Distinct().Count());
            Assert.Equal(confirmed.Count, stats.Total);
            foreach (var p in people)
            {
                var key = p.Discord ? $"discord:{p.User}" : $"slack:{p.Workspace}:{p.User}";
                var found = await signatures.FindAsync(Campaign, key);
                Assert.Equal(confirmed.Contains(p.Discord ? p.User : p.Workspace + ":" + p.User), found is not null);
            }

            Assert.True(stats.Total >= people.Count * 9 / 10, $"only {stats.Total} of {people.Count} got through");

            // Every milestone crossed is announced once in each of the six channels.
            var expected = Milestones.Count(m => m <= stats.Total);
            var outbox = host.Services.GetRequiredService<IOutboxStore>();
            using var announced = new Timer(_ => output.WriteLine($"pending {outbox.PendingCountAsync().GetAwaiter().GetResult()}; discord {string.Join(",", Enumerable.Range(0, Guilds.Length).Select(i => discord.MessagesPosted(DiscordChannel(i))))}; slack {string.Join(",", Enumerable.Range(0, Teams.Length).Select(i => slack.MessagesPosted(Teams[i], SlackChannel(i))))}; expected {expected}"), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
            await FakeDiscordServer.WaitUntilAsync(() => outbox.PendingCountAsync().GetAwaiter().GetResult() == 0
                && Enumerable.Range(0, Guilds.Length).All(i => discord.MessagesPosted(DiscordChannel(i)) >= expected)
                && Enumerable.Range(0, Teams.Length).All(i => slack.MessagesPosted(Teams[i], SlackChannel(i)) >= expected), "every announcement delivered", TimeSpan.FromSeconds(60));
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

            // The host still answers on both platforms and over HTTP.
            Assert.Contains("Test petition", await d.PetitionAsync(Guilds[0], "690000000000000001"), StringComparison.Ordinal);
            slack.Team(Teams[0]).AddUser("U0LAST");
            var petition = await sl.PetitionAsync(Teams[0], "U0LAST");
            Assert.Contains("Test petition", petition, StringComparison.Ordinal);
            using (var health = await http.GetAsync("/healthz"))
            {
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.Empty(unobserved);
            var errors = logs.AtLeast(LogLevel.Error).ToList();
            foreach (var e in errors)
            {
                output.WriteLine("log: " + e);
            }

            foreach (var g in logs.AtLeast(LogLevel.Warning).GroupBy(e => e.Category + ": " + e.Message[..Math.Min(90, e.Message.Length)] + " " + e.Exception?.GetType().Name).OrderByDescending(g => g.Count()))
            {
                output.WriteLine($"warn x{g.Count()}: {g.Key}");
            }

            Assert.Empty(errors);
            output.WriteLine($"soak finished in {clock.Elapsed}; milestones per channel {expected}; log lines {logs.Entries.Count}, warnings {logs.Entries.Count(e => e.Level == LogLevel.Warning)}");
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await host.StopAsync(stop.Token);
            host.Dispose();
        }
    }

    private static string DiscordChannel(int i) => $"52000000000000000{i + 1}";

    private static string SlackChannel(int i) => $"C0ANN{i + 1}";

    private async Task SignWithRetriesAsync(Func<Task<string>> attempt, string who)
    {
        for (var i = 0; i < 4; i++)
        {
            string result;
            try
            {
                result = await attempt().WaitAsync(TimeSpan.FromSeconds(30));
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

    private void Count(string fault) => _faults.AddOrUpdate(fault, 1, (_, n) => n + 1);

    private async Task InjectFaultsAsync(Random rng, FakeDiscordServer discord, FakeSlackServer slack, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(rng.Next(60, 260), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Round-robin over a seeded shuffle of every fault class, so each class fires every round whatever the speed.
            if (_pending.Count == 0)
            {
                foreach (var k in Enumerable.Range(0, FaultClasses.Length).OrderBy(_ => rng.Next()))
                {
                    _pending.Enqueue(k);
                }

                Interlocked.Increment(ref _rounds);
            }

            try
            {
                await InjectOneAsync(rng, _pending.Dequeue(), discord, slack).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            }
            catch (TimeoutException)
            {
                Count("(injection timed out)");
            }
        }
    }

    private async Task InjectOneAsync(Random rng, int kind, FakeDiscordServer discord, FakeSlackServer slack)
    {
        {
            Progress?.Invoke($"fault {kind}");
            switch (kind)
            {
                case 0:
                    Count("discord close 4000");
                    await discord.CloseConnectionAsync(4000);
                    break;
                case 1:
                    Count("discord op 7 reconnect");
                    await discord.SendReconnectAsync();
                    break;
                case 2:
                    if (slack.ActiveConnection is { } refresh)
                    {
                        Count("slack disconnect refresh_requested");
                        await refresh.DisconnectAsync("refresh_requested", TimeSpan.FromMilliseconds(rng.Next(200, 1500)));
                    }

                    break;
                case 3:
                    if (slack.ActiveConnection is { } warning)
                    {
                        Count("slack disconnect warning");
                        await warning.DisconnectAsync("warning", TimeSpan.FromMilliseconds(rng.Next(200, 1500)));
                    }

                    break;
                case 4:
                    if (slack.ActiveConnection is { } dropped)
                    {
                        Count("slack socket dropped");
                        await dropped.CloseAsync();
                    }

                    break;
                case 5:
                    Count("discord 5xx storm (channels)");
                    discord.InjectFault(new FakeRestFault("POST", "channels/", rng.Next(2) == 0 ? 500 : 503, Times: rng.Next(2, 6)));
                    break;
                case 6:
                    Count("discord 429 storm (channels)");
                    discord.InjectRateLimit("POST", "channels/", TimeSpan.FromMilliseconds(rng.Next(300, 1500)), times: rng.Next(2, 6));
                    break;
                case 7:
                    Count("discord 429 (webhooks)");
                    discord.InjectRateLimit("PATCH", "webhooks/", TimeSpan.FromMilliseconds(rng.Next(200, 1000)), times: rng.Next(1, 3));
                    break;
                case 8:
                    Count("slack 5xx storm (chat.postMessage)");
                    slack.ServerErrorNext("chat.postMessage", rng.Next(2) == 0 ? 500 : 503, rng.Next(2, 6));
                    break;
                case 9:
                    Count("slack 429 storm (chat.postMessage)");
                    slack.RateLimitNext("chat.postMessage", 1, rng.Next(2, 6));
                    break;
                case 10:
                    Count("slack 429 (chat.postEphemeral)");
                    slack.RateLimitNext("chat.postEphemeral", 1, rng.Next(1, 3));
                    break;
                case 11:
                    Count("slow responses");
                    slack.SlowNext("chat.postEphemeral", TimeSpan.FromMilliseconds(rng.Next(200, 1200)), rng.Next(1, 5));
                    slack.SlowNext("chat.postMessage", TimeSpan.FromMilliseconds(rng.Next(200, 1200)), rng.Next(1, 5));
                    slack.SlowNext("views.open", TimeSpan.FromMilliseconds(rng.Next(100, 600)), rng.Next(1, 3));
                    discord.SlowNext("POST", "channels/", TimeSpan.FromMilliseconds(rng.Next(200, 1200)), rng.Next(1, 5));
                    discord.SlowNext("PATCH", "webhooks/", TimeSpan.FromMilliseconds(rng.Next(200, 1200)), rng.Next(1, 5));
                    break;
                default:
                    break;
            }
        }
    }

    private static readonly Action<string>? Progress = Environment.GetEnvironmentVariable("PETITIONBOT_SOAK_TRACE") is { Length: > 0 } trace
        ? line => { lock (typeof(SoakTests)) { File.AppendAllText(trace, $"{DateTime.UtcNow:HH:mm:ss.fff} {line}\n"); } }
        : null;

    internal void Redelivered() => Interlocked.Increment(ref _redelivered);

    /// <summary>Drives a Discord user through the sign flow; "signed", "already" or "lost".</summary>
    private sealed class DiscordDriver(FakeDiscordServer server)
    {
        private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

        public async Task SetupAsync(string guild, string channel)
        {
            var id = await server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(server, guild, "690000000000000009", "setup",
                new Dictionary<string, JsonNode?> { ["channel"] = channel }, permissions: FakeDiscordInteractions.ManageServerPermissions));
            var reply = await ReplyAsync(id);
            Assert.Contains(channel, Text(reply), StringComparison.Ordinal);
        }

        public async Task<string> PetitionAsync(string guild, string user)
        {
            var id = await server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(server, guild, user, "petition"));
            return Text(await ReplyAsync(id));
        }

        public async Task<string> ProbeAsync(string guild, string user)
        {
            var id = await server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(server, guild, user, "sign"));
            var reply = await ReplyAsync(id);
            return Text(reply).Contains("already signed", StringComparison.OrdinalIgnoreCase) ? "already" : "not signed";
        }

        public async Task<string> SignAsync(string guild, string user, bool named, bool duplicate)
        {
            var times = duplicate ? 2 : 1;
            var id = await server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(server, guild, user, "sign"), times);
            var prompt = await ReplyAsync(id);
            if (Text(prompt).Contains("already signed", StringComparison.OrdinalIgnoreCase))
            {
                return "already";
            }

            var eligibility = Token(prompt, "r0");
            if (eligibility is null)
            {
                return "lost";
            }

            id = await server.SendInteractionAsync(FakeDiscordInteractions.Button(server, guild, user, eligibility), times);
            var modal = await ReplyAsync(id);
            var form = modal["custom_id"]?.GetValue<string>();
            if (form is null || !form.StartsWith("sgf:", StringComparison.Ordinal))
            {
                return "lost";
            }

            id = await server.SendInteractionAsync(FakeDiscordInteractions.ModalSubmit(server, guild, user, form, SlackHost.Form("Discord Signer " + user[^4..], "School " + guild[^1..])), times);
            var confirm = await ReplyAsync(id);
            var choice = Token(confirm, named ? "named" : "counted");
            if (choice is null)
            {
                return "lost";
            }

            id = await server.SendInteractionAsync(FakeDiscordInteractions.Button(server, guild, user, choice), times);
            var done = Text(await ReplyAsync(id));
            return done.Contains("you are one of", StringComparison.Ordinal) ? "signed"
                : done.Contains("already signed", StringComparison.OrdinalIgnoreCase) ? "already" : "lost";
        }

        /// <summary>The reply to one interaction: the callback's data (message or modal), or for a deferred callback the
        /// webhook edit/follow-up that carried the message.</summary>
        private async Task<JsonObject> ReplyAsync(string interactionId)
        {
            JsonObject? found = null;
            var token = "interaction-token-" + interactionId;
            await FakeDiscordServer.WaitUntilAsync(() =>
            {
                var callback = server.CallbacksFor(interactionId).FirstOrDefault(r => r.Status == 204);
                if (callback?.Json is not JsonObject json)
                {
                    return false;
                }

                var type = json["type"]?.GetValue<int>();
                if (type is 4 or 7 or 9)
                {
                    found = json["data"] as JsonObject ?? [];
                    return true;
                }

                var hook = server.Requests.FirstOrDefault(r => r.Status == 200 && r.Path.StartsWith("webhooks/", StringComparison.Ordinal) && r.Path.Contains(token, StringComparison.Ordinal));
                found = hook?.Json as JsonObject;
                return found is not null;
            }, "a reply to interaction " + interactionId, StepTimeout);
            return found!;
        }

        private static string Text(JsonObject data) => string.Join("\n", SlackHost.Strings(data));

        private static string? Token(JsonObject data, string suffix) =>
            SlackHost.Strings(data).FirstOrDefault(s => s.StartsWith("sg:", StringComparison.Ordinal) && s.EndsWith(":" + suffix, StringComparison.Ordinal));
    }

    /// <summary>Drives a Slack user through the sign flow. An envelope whose ack never came (the socket dropped) is
    /// redelivered with the same envelope_id, as Slack does; <paramref name="duplicate"/> redelivers each step once more.</summary>
    private sealed class SlackDriver(FakeSlackServer slack, SoakTests soak)
    {
        private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

        public async Task SetupAsync(string team, string channel)
        {
            var skip = slack.MessagesFor(team, "U0ADMIN").Count;
            await slack.SendSlashCommandAsync(team, "U0ADMIN", "/setup", $"channel:<#{channel}|announcements>");
            await NextAsync(team, "U0ADMIN", skip, _ => true);
        }

        public async Task<string> PetitionAsync(string team, string user)
        {
            var skip = slack.MessagesFor(team, user).Count;
            await slack.SendSlashCommandAsync(team, user, "/petition");
            return (await NextAsync(team, user, skip, _ => true)).AllText;
        }

        public async Task<string> ProbeAsync(string team, string user)
        {
            var skip = slack.MessagesFor(team, user).Count;
            await slack.SendSlashCommandAsync(team, user, "/sign");
            var reply = await NextAsync(team, user, skip, _ => true);
            return reply.Text.Contains("already signed", StringComparison.OrdinalIgnoreCase) ? "already" : "not signed";
        }

        public async Task<string> SignAsync(string team, string user, bool named, bool duplicate)
        {
            var skip = slack.MessagesFor(team, user).Count;
            await DeliverAsync(id => slack.SendSlashCommandAsync(team, user, "/sign", envelopeId: id), duplicate);
            var prompt = await NextAsync(team, user, skip, m => SlackHost.ButtonToken(m, "r0") is not null || m.Text.Contains("already signed", StringComparison.OrdinalIgnoreCase), "prompt");
            if (prompt.Text.Contains("already signed", StringComparison.OrdinalIgnoreCase))
            {
                return "already";
            }

            var views = slack.Views.Count(v => v.UserId == user && v.TeamId == team);
            skip = slack.MessagesFor(team, user).Count;
            await DeliverAsync(id => slack.SendBlockActionAsync(team, user, SlackHost.ButtonToken(prompt, "r0")!, envelopeId: id), duplicate);
            FakeSlackView? view = null;
            try
            {
                await FakeSlackServer.WaitUntilAsync(() => (view = slack.Views.Where(v => v.UserId == user && v.TeamId == team).Skip(views)
                    .FirstOrDefault(v => v.View["callback_id"]?.GetValue<string>()?.StartsWith("sgf:", StringComparison.Ordinal) == true)) is not null
                    || slack.MessagesFor(team, user).Skip(skip).Any(m => m.Text.Contains("open a form", StringComparison.Ordinal)), StepTimeout);
            }
            catch (TimeoutException)
            {
                return "timeout: no form and no message after the role button";
            }
            if (view is null)
            {
                return "lost: no form opened";
            }

            skip = slack.MessagesFor(team, user).Count;
            var callback = view.View["callback_id"]!.GetValue<string>();
            var metadata = view.View["private_metadata"]?.GetValue<string>() ?? "";
            var ack = await DeliverAsync(id => slack.SendViewSubmissionAsync(team, user, callback, SlackHost.Form("Slack Signer " + user, "School " + team), metadata, id), duplicate);
            var confirm = await NextAsync(team, user, skip, m => SlackHost.ButtonToken(m, "named") is not null, "confirm (form ack: " + ack?.Payload?.ToJsonString() + ")");
            skip = slack.MessagesFor(team, user).Count;
            await DeliverAsync(id => slack.SendBlockActionAsync(team, user, SlackHost.ButtonToken(confirm, named ? "named" : "counted")!, channelId: metadata.Length > 0 ? metadata : "C0GENERAL", envelopeId: id), duplicate);
            var done = await NextAsync(team, user, skip, m => SlackHost.IsSigned(m) || m.Text.Contains("already signed", StringComparison.OrdinalIgnoreCase), "done");
            return SlackHost.IsSigned(done) ? "signed" : "already";
        }

        private async Task<FakeSlackAck?> DeliverAsync(Func<string, Task<FakeSlackAck>> send, bool duplicate)
        {
            var id = Guid.NewGuid().ToString();
            FakeSlackAck ack;
            try
            {
                ack = await send(id);
            }
            catch (Exception ex) when (ex is TimeoutException or System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                // No ack (the socket went away): Slack redelivers the same envelope on a live connection.
                soak.Redelivered();
                await RedeliverUntilAckedAsync(id);
                return null;
            }

            if (duplicate)
            {
                await RedeliverUntilAckedAsync(id);
            }

            return ack;
        }

        private async Task RedeliverUntilAckedAsync(string id)
        {
            for (var i = 0; i < 3; i++)
            {
                try
                {
                    await slack.RedeliverAsync(id);
                    return;
                }
                catch (Exception ex) when (ex is TimeoutException or System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
                {
                    soak.Redelivered();
                }
            }
        }

        private async Task<FakeSlackMessage> NextAsync(string team, string user, int skip, Func<FakeSlackMessage, bool> predicate, string step = "reply")
        {
            FakeSlackMessage? found = null;
            try
            {
                await FakeSlackServer.WaitUntilAsync(() => (found = slack.MessagesFor(team, user).Skip(skip).FirstOrDefault(predicate)) is not null, StepTimeout);
            }
            catch (TimeoutException)
            {
                var seen = string.Join(" | ", slack.MessagesFor(team, user).Skip(skip).Select(m => m.Kind + ":" + m.Text[..Math.Min(40, m.Text.Length)].ReplaceLineEndings(" ")));
                throw new TimeoutException($"slack step '{step}' got no matching message; after skip {skip} saw [{seen}]");
            }

            return found!;
        }
    }
}
