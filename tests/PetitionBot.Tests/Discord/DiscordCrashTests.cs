using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PetitionBot.Fakes.Discord;
using PetitionBot.Storage.LiteDb;
using PetitionBot.Tests.Support;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Discord;

/// <summary>Issue 6, item 2: the real binary, connected to the fake Discord, is SIGKILLed in the middle of a signing
/// burst and restarted on the same database. Every signer who saw "Signed" is counted, nobody twice, and the milestone
/// announcements that were still pending go out once per channel after the restart.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed partial class DiscordCrashTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const int Signers = 80;
    private const int KillAfter = 20;
    private const string Admin = "600000000000000401";
    private static readonly int[] Milestones = [2, 5, 10, 15];
    private readonly TempDirectory _dir = new();

    private static string GuildId(int i) => $"50000000000000040{i}";

    private static string ChannelId(int i) => $"70000000000000040{i}";

    private static string SignerId(int i) => $"6000000000001{i:D5}";

    [Fact]
    public async Task Sign_ChildKilledMidBurstAndRestarted_EverySignedCountedOnceAndPendingAnnouncementsPostedOnce()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions
        {
            HeartbeatIntervalMs = 60_000,
            InteractionDeadline = null,
            Guilds = [.. Enumerable.Range(1, 3).Select(i => new FakeGuild(GuildId(i), $"School {i}"))],
        });
        var extra = new Dictionary<string, string?>
        {
            ["Outbox:BaseBackoff"] = "00:00:00.100",
            ["Outbox:MaxBackoff"] = "00:00:00.300",
            ["Outbox:MaxAttempts"] = "100000",
        };
        for (var m = 0; m < Milestones.Length; m++)
        {
            extra[$"Campaigns:0:Milestones:{m}"] = Milestones[m].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var args = ChildProcess.ConfigArgs(LiveDiscordBot.Settings(_dir.Path, fake, extra));

        // Run 1: Discord answers every announcement post with 502, so the milestones stay pending in the outbox.
        fake.InjectFault(new FakeRestFault("POST", "channels/", 502, Times: int.MaxValue));
        var log1 = new CapturedOutput();
        using var first = StartChild(args, log1);
        await ReadyAsync(fake, first, log1);
        foreach (var i in new[] { 1, 2, 3 })
        {
            var saved = await InteractAsync(fake, FakeDiscordInteractions.SlashCommand(fake, GuildId(i), Admin, "setup",
                new Dictionary<string, JsonNode?> { ["channel"] = ChannelId(i) }, permissions: FakeDiscordInteractions.ManageServerPermissions));
            Assert.StartsWith("Saved.", Text(saved["data"]), StringComparison.Ordinal);
        }

        using var killed = new CancellationTokenSource();
        var run = new KillableSignBurst(fake, Signers, SignerId, GuildId, "Signed — you are", killed.Token);
        var (confirmOf, reported, burst) = (run.ConfirmOf, run.Reported, run.Task);

        await FakeDiscordServer.WaitUntilAsync(() => reported.Count >= KillAfter || burst.IsCompleted, $"{KillAfter} signers to see \"Signed\"",
            TimeSpan.FromSeconds(30));
        first.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush, mid-burst
        await killed.CancelAsync();
        await first.WaitForExitAsync();
        await burst;
        Assert.False(burst.IsFaulted);
        Assert.True(reported.Count >= KillAfter, "the burst finished before the kill: " + reported.Count);
        Assert.True(confirmOf.Count < Signers, "the kill came in the middle of the burst");
        Assert.All(new[] { 1, 2, 3 }, i => Assert.Equal(0, fake.MessagesPosted(ChannelId(i))));

        // Every signer whose "Signed" callback reached Discord saw it, whether or not the test read it before the kill.
        var sawSigned = fake.Requests
            .Where(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal) && r.Status == 204)
            .Select(r => (Id: r.Path.Split('/')[1], r.Json))
            .Where(c => confirmOf.ContainsKey(c.Id) && Text(c.Json?["data"]).Contains("Signed — you are", StringComparison.Ordinal))
            .Select(c => confirmOf[c.Id])
            .ToHashSet(StringComparer.Ordinal);
        Assert.Superset(reported.ToHashSet(StringComparer.Ordinal), sawSigned);

        // Run 2: same database, Discord healthy again.
        fake.ClearFaults();
        var log2 = new CapturedOutput();
        int total;
        using (var second = StartChild(args, log2))
        {
            try
            {
                await ReadyAsync(fake, second, log2);
                var totals = FakeDiscordInteractions.SlashCommand(fake, GuildId(1), LiveDiscordBot.OrganizerId, "totals");
                var (_, edit, _) = await DeferredAsync(fake, totals, followups: 0);
                var match = TotalLine().Match(Text(edit.Json));
                Assert.True(match.Success, Text(edit.Json));
                total = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                output.WriteLine($"read \"Signed\" before the kill: {reported.Count}; \"Signed\" sent: {sawSigned.Count}; " +
                                 $"confirmations sent: {confirmOf.Count}; counted after restart: {total}");
                Assert.InRange(total, sawSigned.Count, confirmOf.Count);

                // Each signer who saw "Signed" is told they already signed (counted, and not a second time).
                await Parallel.ForEachAsync(sawSigned, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (signer, _) =>
                {
                    var again = await InteractAsync(fake, FakeDiscordInteractions.SlashCommand(fake, GuildId(1), signer, "sign"));
                    Assert.Contains("You already signed this petition", Text(again["data"]), StringComparison.Ordinal);
                });

                // The milestones recorded in run 1 go out now, once per channel.
                var crossed = Milestones.Count(m => m <= total);
                Assert.True(crossed >= 3, $"total {total} crossed {crossed} milestones");
                await FakeDiscordServer.WaitUntilAsync(() => new[] { 1, 2, 3 }.All(i => fake.MessagesPosted(ChannelId(i)) >= crossed),
                    "the pending milestones to be posted", TimeSpan.FromSeconds(20));
                await Task.Delay(500); // ten more outbox polls: a duplicate post would show here
                foreach (var i in new[] { 1, 2, 3 })
                {
                    Assert.Equal(crossed, fake.MessagesPosted(ChannelId(i)));
                    var titles = fake.Requests
                        .Where(r => r.Path == $"channels/{ChannelId(i)}/messages" && r.Status == 200)
                        .Select(r => r.Json!["embeds"]![0]!["title"]!.GetValue<string>())
                        .Distinct()
                        .Order(StringComparer.Ordinal);
                    Assert.Equal(Milestones.Where(m => m <= total).Select(m => $"The petition passed {m} signatures!").Order(StringComparer.Ordinal), titles);
                }

                Assert.Equal(0, fake.RateLimitViolations);
                AssertBodiesMatchOpenApi(fake);
            }
            finally
            {
                second.Kill(entireProcessTree: true);
                await second.WaitForExitAsync();
            }
        }

        // The database itself, opened after both processes are gone.
        using var db = new LiteDbContext(Options.Create(new StorageOptions { Path = Path.Combine(_dir.Path, "petitionbot.db") }));
        var store = new LiteDbSignatureStore(db);
        foreach (var signer in sawSigned)
        {
            Assert.NotNull(await store.FindAsync("test", "discord:" + signer));
        }

        var all = new List<Core.Storage.SignatureRecord>();
        await foreach (var s in store.ListAsync("test"))
        {
            all.Add(s);
        }

        Assert.Equal(total, all.Count);
        Assert.Equal(all.Count, all.Select(s => s.FullName).Distinct(StringComparer.Ordinal).Count());
        var stats = await store.GetStatsAsync("test", DateTimeOffset.UtcNow);
        Assert.Equal(total, stats.Total);
        Assert.Equal(total, stats.BySchool.Sum(s => s.Count));
        Assert.DoesNotContain("Unhandled exception", log2.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Announcement_ChildKilledAfterDiscordAcceptedPost_RestartResendsSameNonceAndChannelHasOnePost()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000, InteractionDeadline = null });
        var args = ChildProcess.ConfigArgs(LiveDiscordBot.Settings(_dir.Path, fake));
        var channel = ChannelId(9);

        // Discord creates the message, but the bot never hears back: the process dies first.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.BeforeMessageResponse = async _ =>
        {
            held.TrySetResult();
            await release.Task;
        };
        var log1 = new CapturedOutput();
        using (var first = StartChild(args, log1))
        {
            await ReadyAsync(fake, first, log1);
            await InteractAsync(fake, FakeDiscordInteractions.SlashCommand(fake, GuildId(1), Admin, "setup",
                new Dictionary<string, JsonNode?> { ["channel"] = channel }, permissions: FakeDiscordInteractions.ManageServerPermissions));
            await SignAsync(fake, SignerId(1), "Ana Lopez", guildId: GuildId(1));
            await SignAsync(fake, SignerId(2), "Ben Ortiz", guildId: GuildId(1));
            await held.Task.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(1, fake.MessagesPosted(channel));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        fake.BeforeMessageResponse = null;
        release.TrySetResult();
        var log2 = new CapturedOutput();
        using var second = StartChild(args, log2);
        try
        {
            await ReadyAsync(fake, second, log2);
            await FakeDiscordServer.WaitUntilAsync(() => fake.Requests.Count(r => r.Path == $"channels/{channel}/messages") >= 2,
                "the outbox to send the unconfirmed post again after the restart", TimeSpan.FromSeconds(15));
            await Task.Delay(300); // further outbox polls would post again here

            var posts = fake.Requests.Where(r => r.Path == $"channels/{channel}/messages").ToList();
            Assert.Equal(2, posts.Count);
            Assert.All(posts, p => Assert.Equal(200, p.Status));
            Assert.Equal(posts[0].Json!["nonce"]!.GetValue<string>(), posts[1].Json!["nonce"]!.GetValue<string>());
            Assert.All(posts, p => Assert.True(p.Json!["enforce_nonce"]!.GetValue<bool>()));
            Assert.Equal(1, fake.MessagesPosted(channel));
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    public void Dispose() => _dir.Dispose();

    private Process StartChild(string[] args, CapturedOutput log)
    {
        var child = ChildProcess.Start(_dir.Path, args);
        child.OutputDataReceived += (_, e) => log.WriteLine(e.Data);
        child.ErrorDataReceived += (_, e) => log.WriteLine(e.Data);
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        child.StandardInput.Close();
        return child;
    }

    /// <summary>Waits until the child answers interactions through the gateway: a probe /petition is sent (again, as
    /// a new interaction) until one is answered. Interactions sent before READY are not replayed, like on Discord.</summary>
    private static async Task ReadyAsync(FakeDiscordServer fake, Process child, CapturedOutput log)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var wait = TimeSpan.FromSeconds(1);
        while (DateTime.UtcNow < deadline)
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {child.ExitCode}:\n{log.Text}");
            }

            var probe = FakeDiscordInteractions.SlashCommand(fake, GuildId(1), LiveDiscordBot.OrganizerId, "petition");
            var id = await fake.SendInteractionAsync(probe);
            try
            {
                await CallbackAsync(fake, id, wait);
                return;
            }
            catch (TimeoutException)
            {
                // Not connected yet, or a fresh process slow to answer on a loaded machine: probe again, waiting longer.
                wait = TimeSpan.FromSeconds(Math.Min(4, wait.TotalSeconds * 2));
            }
        }

        throw new TimeoutException("The bot never answered through the fake Discord:\n" + log.Text);
    }

    [GeneratedRegex(@"Total (\d+) \(")]
    private static partial Regex TotalLine();
}
