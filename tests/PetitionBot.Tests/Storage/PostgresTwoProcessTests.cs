using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PetitionBot.Fakes.Discord;
using PetitionBot.Fakes.Slack;
using PetitionBot.Storage.LiteDb.Tests;
using PetitionBot.Storage.Postgres;
using PetitionBot.Tests.Discord;
using PetitionBot.Tests.Slack;
using PetitionBot.Tests.Support;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Storage;

/// <summary>Issue 17: two real bot processes on one real PostgreSQL against the fake Discord and the fake Slack (each
/// process with its own Socket Mode connection; Slack flows spread over both, some envelopes delivered to both). The
/// gateway holder is SIGKILLed mid-burst; the standby takes the gateway over, every signer who saw "Signed" is counted
/// once, and each milestone reaches each channel (three Discord, one Slack) once.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed partial class PostgresTwoProcessTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int Signers = 60;
    private const int Later = 15;
    private const int KillAfter = 15;
    private const int SlackSigners = 24;
    private const int SlackKillAfter = 4;
    private const int SlackLater = 4;
    private const string Admin = "600000000000000401";
    private static readonly int[] Milestones = [2, 5, 10, 20, 40];
    private readonly TempDirectory _a = new();
    private readonly TempDirectory _b = new();
    private string _connection = "";

    private static string GuildId(int i) => $"50000000000000040{i}";

    private static string ChannelId(int i) => $"70000000000000040{i}";

    private static string SignerId(int i) => $"6000000000002{i:D5}";

    public async Task InitializeAsync() => _connection = await TestPostgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        await TestPostgres.DropDatabaseAsync(_connection);
        _a.Dispose();
        _b.Dispose();
    }

    [Fact]
    public async Task TwoProcesses_GatewayHolderKilledMidBurst_StandbyTakesOverAndEverySignatureCountedOnce()
    {
        await using var slack = await StartSlackAsync(SlackSigners + SlackLater);
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            HeartbeatIntervalMs = 60_000,
            InteractionDeadline = null,
            Guilds = [.. Enumerable.Range(1, 3).Select(i => new FakeGuild(GuildId(i), $"School {i}"))],
        });
        var extra = TestPostgres.BotSettings(_connection);
        extra["Outbox:BaseBackoff"] = "00:00:00.100";
        extra["Outbox:MaxBackoff"] = "00:00:00.300";
        extra["Outbox:MaxAttempts"] = "100000";
        foreach (var (key, value) in SlackHost.FastSlackSettings(slack, Team))
        {
            extra[key] = value;
        }

        for (var m = 0; m < Milestones.Length; m++)
        {
            extra[$"Campaigns:0:Milestones:{m}"] = Milestones[m].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var logA = new CapturedOutput();
        var logB = new CapturedOutput();
        using var a = StartChild(_a.Path, ChildProcess.ConfigArgs(LiveDiscordBot.Settings(_a.Path, fake, extra)), logA);
        await ReadyAsync(fake, a, logA, TimeSpan.FromSeconds(60));
        using var b = StartChild(_b.Path, ChildProcess.ConfigArgs(LiveDiscordBot.Settings(_b.Path, fake, extra)), logB);
        try
        {
            await FakeDiscordServer.WaitUntilAsync(() => logB.Text.Contains("standing by", StringComparison.Ordinal), "the second process to stand by", TimeSpan.FromSeconds(60));
            foreach (var i in new[] { 1, 2, 3 })
            {
                var saved = await InteractAsync(fake, FakeDiscordInteractions.SlashCommand(fake, GuildId(i), Admin, "setup",
                    new Dictionary<string, JsonNode?> { ["channel"] = ChannelId(i) }, permissions: FakeDiscordInteractions.ManageServerPermissions));
                Assert.StartsWith("Saved.", Text(saved["data"]), StringComparison.Ordinal);
            }

            await slack.WaitForConnectionAsync(2, TimeSpan.FromSeconds(30));
            await FakeSlackServer.WaitUntilAsync(() => Open(slack).Count == 2, TimeSpan.FromSeconds(30));
            await SlackSetupAsync(slack);
            var slackOutcomes = new SlackOutcomes();
            var slackBurst = Parallel.ForEachAsync(Enumerable.Range(0, SlackSigners), new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (i, _) => await SlackSignAsync(slack, i, both: i % 2 == 0, slackOutcomes));

            using var killed = new CancellationTokenSource();
            var run = new KillableSignBurst(fake, Signers, SignerId, GuildId, "Signed — you are one of", killed.Token);
            var (confirmOf, reported, burst) = (run.ConfirmOf, run.Reported, run.Task);

            await FakeDiscordServer.WaitUntilAsync(() => (reported.Count >= KillAfter || burst.IsCompleted) && (slackOutcomes.SawSigned.Count >= SlackKillAfter || slackBurst.IsCompleted),
                $"{KillAfter} Discord and {SlackKillAfter} Slack signers to see \"Signed\"", TimeSpan.FromSeconds(60));
            a.Kill(entireProcessTree: true); // SIGKILL: its PostgreSQL sessions (and the gateway lock) die with it
            var killedAt = Stopwatch.StartNew();
            await killed.CancelAsync();
            await a.WaitForExitAsync();
            await burst;
            Assert.True(confirmOf.Count < Signers, "the kill came in the middle of the burst");
            var slackAtKill = slackOutcomes.Confirmed.Count;
            await slackBurst;
            output.WriteLine($"Slack: {slackAtKill} final clicks before the kill, {slackOutcomes.Confirmed.Count} in all, {slackOutcomes.SawSigned.Count} saw \"Signed\"; " +
                             $"{slackOutcomes.DeliveredTwice} final clicks delivered to both processes, {slackOutcomes.Redelivered} envelopes delivered again after the kill");
            Assert.True(slackAtKill < SlackSigners, "the kill came in the middle of the Slack flows");
            Assert.True(slackOutcomes.DeliveredTwice > 0);

            await ReadyAsync(fake, b, logB, TimeSpan.FromSeconds(15));
            var takeover = killedAt.Elapsed;
            output.WriteLine($"gateway taken over {takeover.TotalSeconds:F1} s after the kill");
            Assert.InRange(takeover, TimeSpan.Zero, TimeSpan.FromSeconds(15));

            var sawSigned = fake.Requests
                .Where(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal) && r.Status == 204)
                .Select(r => (Id: r.Path.Split('/')[1], r.Json))
                .Where(c => confirmOf.ContainsKey(c.Id) && Text(c.Json?["data"]).Contains("Signed — you are one of", StringComparison.Ordinal))
                .Select(c => confirmOf[c.Id])
                .ToHashSet(StringComparer.Ordinal);

            // The burst goes on over the process that took over.
            await Parallel.ForEachAsync(Enumerable.Range(Signers, Later), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                var trace = await SignAsync(fake, SignerId(i), $"Signer Number{i}", school: $"School {i % 3}", stage: "MS2", guildId: GuildId(1 + (i % 3)));
                Assert.Contains("Signed — you are one of", Text(trace.Done["data"]), StringComparison.Ordinal);
            });

            var slackLater = new SlackOutcomes();
            await Parallel.ForEachAsync(Enumerable.Range(SlackSigners, SlackLater), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
                Assert.True(await SlackSignAsync(slack, i, both: false, slackLater), $"Slack signer {i} after the kill"));

            var totals = FakeDiscordInteractions.SlashCommand(fake, GuildId(1), LiveDiscordBot.OrganizerId, "totals");
            var (_, edit, _) = await DeferredAsync(fake, totals, followups: 0);
            var match = TotalLine().Match(Text(edit.Json));
            Assert.True(match.Success, Text(edit.Json));
            var total = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            output.WriteLine($"\"Signed\" sent before the kill: {sawSigned.Count}; confirmations: {confirmOf.Count}; counted: {total}");
            Assert.InRange(total, sawSigned.Count + Later + slackOutcomes.SawSigned.Count + SlackLater,
                confirmOf.Count + Later + slackOutcomes.Confirmed.Count + SlackLater);

            await Parallel.ForEachAsync(sawSigned, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (signer, _) =>
            {
                var again = await InteractAsync(fake, FakeDiscordInteractions.SlashCommand(fake, GuildId(1), signer, "sign"));
                Assert.Contains("You already signed this petition", Text(again["data"]), StringComparison.Ordinal);
            });

            foreach (var user in slackOutcomes.SawSigned.Keys.Concat(slackLater.SawSigned.Keys))
            {
                // A final click delivered twice was handled once: one "Signed", and no "already signed" from the other process.
                Assert.Single(slack.MessagesFor(Team, user), SlackHost.IsSigned);
                Assert.DoesNotContain(slack.MessagesFor(Team, user), m => m.Text.Contains("You already signed", StringComparison.Ordinal));
                var skip = slack.MessagesFor(Team, user).Count;
                await DeliverAsync(slack, id => slack.SendSlashCommandAsync(Team, user, "/sign", envelopeId: id), slackLater);
                await NextAsync(slack, user, skip, m => m.Text.Contains("You already signed this petition", StringComparison.Ordinal));
            }

            // Each milestone reaches each channel once: a claim the killed process left expires and the other
            // process sends it with the same nonce.
            var crossed = Milestones.Count(m => m <= total);
            await FakeDiscordServer.WaitUntilAsync(() => new[] { 1, 2, 3 }.All(i => fake.MessagesPosted(ChannelId(i)) >= crossed) && slack.MessagesPosted(Team, SlackChannel) >= crossed,
                "every milestone posted to every channel", PostgresOutboxStore.Lease + TimeSpan.FromSeconds(30));
            await Task.Delay(1000);
            foreach (var i in new[] { 1, 2, 3 })
            {
                Assert.Equal(crossed, fake.MessagesPosted(ChannelId(i)));
            }

            // Slack's chat.postMessage has no dedup key: if the killed process had Slack accept a post but had not yet
            // recorded it, its expired claim is sent again by the other process (README: at most one extra per kill).
            Assert.InRange(slack.MessagesPosted(Team, SlackChannel), crossed, crossed + 1);

            await using var db = new PostgresDatabase(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = _connection, SecretKey = extra["Storage:SecretKey"] });
            var store = new PostgresSignatureStore(db);
            var all = new List<Core.Storage.SignatureRecord>();
            await foreach (var s in store.ListAsync("test"))
            {
                all.Add(s);
            }

            Assert.Equal(total, all.Count);
            Assert.Equal(total, all.Select(s => s.FullName).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(total, (await store.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
            Assert.DoesNotContain("Unhandled exception", logB.Text, StringComparison.Ordinal);
        }
        finally
        {
            b.Kill(entireProcessTree: true);
            await b.WaitForExitAsync();
        }
    }

    private static Process StartChild(string directory, string[] args, CapturedOutput log)
    {
        var child = ChildProcess.Start(directory, args);
        child.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        child.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        child.StandardInput.Close();
        return child;
    }

    /// <summary>Waits until a process answers through the fake gateway (a probe /petition, sent again until answered).</summary>
    private static async Task ReadyAsync(FakeDiscordServer fake, Process child, CapturedOutput log, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {child.ExitCode}:\n{log.Text}");
            }

            var id = await fake.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(fake, GuildId(1), LiveDiscordBot.OrganizerId, "petition"));
            try
            {
                await CallbackAsync(fake, id, TimeSpan.FromSeconds(1));
                return;
            }
            catch (TimeoutException)
            {
                // Not connected yet.
            }
        }

        throw new TimeoutException("No process answered through the fake Discord:\n" + log.Text);
    }

    [GeneratedRegex(@"Total (\d+) \(")]
    private static partial Regex TotalLine();
}
