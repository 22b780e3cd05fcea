using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Outbox;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Outbox;

/// <summary>Each platform delivers in its own lane: one held back by its limits (Discord's global 50/s during a
/// milestone) neither holds back the other's posts nor a later announcement, and a delivery still running is never
/// started twice by a later claim.</summary>
public sealed class DeliveryLanesTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task DispatchDue_DiscordHeldBackClaimedFirst_SlackPostsGoMeanwhile()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var discord = new FakeChatPlatform(PlatformKind.Discord) { Hold = release.Task };
        var slack = new FakeChatPlatform(PlatformKind.Slack);
        using var host = Build(discord, slack);
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var now = DateTimeOffset.UtcNow;
        // Claimed in this order: 100 Discord deliveries (more than the deliveries run at once) before 20 Slack ones.
        await outbox.EnqueueAsync(Update("a1", now.AddSeconds(-2)), Channels(PlatformKind.Discord, 100));
        await outbox.EnqueueAsync(Update("a2", now.AddSeconds(-1)), Channels(PlatformKind.Slack, 20));

        var dispatch = host.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
        await WaitUntilAsync(() => Enumerable.Range(0, 20).All(i => slack.PostsIn($"c{i}") == 1), "every Slack post while Discord waits");
        Assert.False(dispatch.IsCompleted);
        Assert.Empty(discord.All);

        release.SetResult();
        Assert.Equal(120, await dispatch);
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(1, discord.PostsIn($"c{i}")));
    }

    [Fact]
    public Task Loop_FanOutStillRunning_NextAnnouncementPostedAtOnceAndNothingStartedTwice() =>
        WithLoopAsync(async (outbox, discord, slack, release) =>
        {
            await outbox.EnqueueAsync(Update("a1", DateTimeOffset.UtcNow), Channels(PlatformKind.Discord, 10));
            await WaitUntilAsync(() => discord.Attempts >= 10, "the Discord deliveries under way");

            await outbox.EnqueueAsync(Update("a2", DateTimeOffset.UtcNow), Channels(PlatformKind.Slack, 5));
            await WaitUntilAsync(() => Enumerable.Range(0, 5).All(i => slack.PostsIn($"c{i}") == 1), "the next announcement's posts");
            Assert.Equal(10, discord.Attempts);

            release.SetResult();
            await WaitUntilAsync(async () => await outbox.PendingCountAsync() == 0, "the Discord deliveries done");
            Assert.Equal(10, discord.Attempts);
            Assert.All(Enumerable.Range(0, 10), i => Assert.Equal(1, discord.PostsIn($"c{i}")));
        });

    [Fact]
    public async Task Loop_MoreDueThanOneClaim_AllDeliveredWithoutThePoll()
    {
        var slack = new FakeChatPlatform(PlatformKind.Slack);
        using var host = Build(new FakeChatPlatform(PlatformKind.Discord), slack, new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var count = (OutboxDispatcher.ClaimSize * 2) + 10;
            await outbox.EnqueueAsync(Update("a1", DateTimeOffset.UtcNow), Channels(PlatformKind.Slack, count));
            await WaitUntilAsync(async () => await outbox.PendingCountAsync() == 0, "every delivery");
            Assert.All(Enumerable.Range(0, count), i => Assert.Equal(1, slack.PostsIn($"c{i}")));
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Loop_StoppedWhileDeliveriesWait_StopsAndTheyStayPending()
    {
        var discord = new FakeChatPlatform(PlatformKind.Discord) { Hold = new TaskCompletionSource().Task };
        using var host = Build(discord, new FakeChatPlatform(PlatformKind.Slack));
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        await outbox.EnqueueAsync(Update("a1", DateTimeOffset.UtcNow), Channels(PlatformKind.Discord, 3));
        await WaitUntilAsync(() => discord.Attempts >= 3, "the deliveries under way");

        await dispatcher.StopAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(3, discord.Attempts);
        Assert.Equal(3, await outbox.PendingCountAsync());
    }

    [Fact]
    public async Task Claim_ItemEndsWhileTheNextClaimReadsTheStore_NotStartedAgain()
    {
        var lanes = new DeliveryLanes(4);
        var item = Item("x1", PlatformKind.Slack);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deliveries = 0;
        async Task DeliverAsync(OutboxItem i, CancellationToken ct)
        {
            Interlocked.Increment(ref deliveries);
            await release.Task.WaitAsync(ct);
        }

        var first = await lanes.ClaimAsync(8, (_, _) => Task.FromResult<IReadOnlyList<OutboxItem>>([item]), DeliverAsync, _ => { });
        var second = await lanes.ClaimAsync(8, async (_, _) =>
        {
            // The store is read while the delivery runs and answers "pending"; the delivery ends before the claim starts
            // anything.
            IReadOnlyList<OutboxItem> stale = [item];
            release.SetResult();
            await Task.WhenAll(first);
            return stale;
        }, DeliverAsync, _ => { });

        _ = Assert.Single(first);
        Assert.Empty(second);
        Assert.Equal(1, deliveries);

        // Still pending at a later claim (its delivery failed before recording anything): it is started again.
        var third = await lanes.ClaimAsync(8, (_, _) => Task.FromResult<IReadOnlyList<OutboxItem>>([item]), DeliverAsync, _ => { });
        await Task.WhenAll(third);
        Assert.Equal(2, deliveries);
    }

    [Fact]
    public async Task Loop_DeliveryFailsOnTheStore_NotClaimedAgainAtOnce()
    {
        var slack = new FakeChatPlatform(PlatformKind.Slack);
        var servers = new ThrowingServerStore();
        using var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, [])
        {
            Overrides = TestConfig.For(_dir.Path, new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" }),
            ConfigureServices = s => s.AddSingleton<IChatPlatform>(slack).AddSingleton<IServerStore>(servers),
        });
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await outbox.EnqueueAsync(Update("a1", DateTimeOffset.UtcNow), Channels(PlatformKind.Slack, 1));
            await WaitUntilAsync(() => servers.Calls >= 1, "the delivery's attempt");
            await Task.Delay(TimeSpan.FromSeconds(1));

            Assert.Equal(1, servers.Calls);
            Assert.Equal(1, await outbox.PendingCountAsync());
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Claim_DeliveryFailedWithAnException_HeldUntilTheHoldHasPassed()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var lanes = new DeliveryLanes(4, TimeSpan.FromSeconds(30), time);
        var item = Item("f1", PlatformKind.Slack);
        var deliveries = 0;
        Task FailAsync(OutboxItem i, CancellationToken ct)
        {
            Interlocked.Increment(ref deliveries);
            throw new InvalidOperationException("the store is down");
        }

        Task<IReadOnlyList<OutboxItem>> StillDue(int ask, CancellationToken ct) => Task.FromResult<IReadOnlyList<OutboxItem>>([item]);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Task.WhenAll(await lanes.ClaimAsync(8, StillDue, FailAsync, _ => { })));

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(await lanes.ClaimAsync(8, StillDue, FailAsync, _ => { }));
        Assert.Equal(1, deliveries);

        time.Advance(TimeSpan.FromSeconds(1));
        var again = await lanes.ClaimAsync(8, StillDue, FailAsync, _ => { });
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Task.WhenAll(again));
        Assert.Equal(2, deliveries);
        Assert.Equal(2, lanes.Failures);
    }

    [Fact]
    public async Task DispatchDue_TwoAnnouncementsToTheSameChannels_OnePerChannelAtATimeInOrder()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var discord = new FakeChatPlatform(PlatformKind.Discord);
        var slack = new FakeChatPlatform(PlatformKind.Slack) { Hold = release.Task };
        using var host = Build(discord, slack);
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var now = DateTimeOffset.UtcNow;
        await outbox.EnqueueAsync(Update("a1", now.AddSeconds(-2)), Channels(PlatformKind.Slack, 20));
        await outbox.EnqueueAsync(Update("a2", now.AddSeconds(-1)), Channels(PlatformKind.Slack, 20));

        var dispatch = host.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
        try
        {
            await WaitUntilAsync(() => slack.Attempts >= 20, "the first announcement's posts under way");
            await Task.Delay(200);
            // The second announcement waits for the first in each channel: it does not take a place in the lane meanwhile.
            Assert.Equal(20, slack.Attempts);
        }
        finally
        {
            release.TrySetResult();
        }

        Assert.Equal(40, await dispatch);
        Assert.Equal(1, slack.MostAtOnceInAChannel);
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(
            ["Words of a1", "Words of a2"],
            slack.Order.Where(p => p.ChannelId == $"c{i}").Select(p => p.Text.Contains("a1", StringComparison.Ordinal) ? "Words of a1" : "Words of a2")));
    }

    [Fact]
    public Task Loop_SecondAnnouncementToBusyChannels_PostedAfterTheFirstWithoutThePoll() =>
        WithLoopAsync(async (outbox, discord, _, release) =>
        {
            await outbox.EnqueueAsync(Update("a1", DateTimeOffset.UtcNow), Channels(PlatformKind.Discord, 5));
            await WaitUntilAsync(() => discord.Attempts >= 5, "the first announcement's posts under way");
            await outbox.EnqueueAsync(Update("a2", DateTimeOffset.UtcNow), Channels(PlatformKind.Discord, 5));
            await Task.Delay(200);
            Assert.Equal(5, discord.Attempts);

            release.TrySetResult();
            await WaitUntilAsync(() => Enumerable.Range(0, 5).All(i => discord.PostsIn($"c{i}") == 2), "both announcements in every channel");
            Assert.Equal(1, discord.MostAtOnceInAChannel);
        });

    [Fact]
    public void InTurns_ClaimOfOnePlatformThenAnother_TakesTurns()
    {
        var due = new[] { Item("d1", PlatformKind.Discord), Item("d2", PlatformKind.Discord), Item("d3", PlatformKind.Discord), Item("s1", PlatformKind.Slack) };

        Assert.Equal(["d1", "s1", "d2", "d3"], DeliveryLanes.InTurns(due).Select(i => i.Id));
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>Runs the dispatcher's loop around <paramref name="scenario"/>, Discord's posts held until its release. The
    /// fallback poll is an hour: only the store's signal and the deliveries' ends wake the loop.</summary>
    private async Task WithLoopAsync(Func<IOutboxStore, FakeChatPlatform, FakeChatPlatform, TaskCompletionSource, Task> scenario)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var discord = new FakeChatPlatform(PlatformKind.Discord) { Hold = release.Task };
        var slack = new FakeChatPlatform(PlatformKind.Slack);
        using var host = Build(discord, slack, new Dictionary<string, string?> { ["Outbox:PollInterval"] = "01:00:00" });
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await scenario(host.Services.GetRequiredService<IOutboxStore>(), discord, slack, release);
        }
        finally
        {
            release.TrySetResult();
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    private IHost Build(FakeChatPlatform discord, FakeChatPlatform slack, IDictionary<string, string?>? extra = null) =>
        PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, [])
        {
            Overrides = TestConfig.For(_dir.Path, extra),
            ConfigureServices = s => s.AddSingleton<IChatPlatform>(discord).AddSingleton<IChatPlatform>(slack),
        });

    private static Announcement Update(string id, DateTimeOffset at) =>
        new(id, "test", AnnouncementKind.ChapterUpdate, null, null, "Update " + id, "Words of " + id, at);

    private static List<ChannelRef> Channels(PlatformKind platform, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ChannelRef(platform, $"w{i}", $"c{i}"))];

    private static OutboxItem Item(string id, PlatformKind platform) =>
        new(id, "a1", new ChannelRef(platform, "w", "c" + id), OutboxState.Pending, 0, DateTimeOffset.UtcNow, null);

    private static Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"waited {Patience.TotalSeconds:0} s for {what}");
            await Task.Delay(10);
        }
    }

    /// <summary>A server store that fails every lookup (a store outage during a delivery).</summary>
    private sealed class ThrowingServerStore : IServerStore
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<ServerSettings?> FindAsync(ServerRef server, CancellationToken ct = default)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("store unavailable");
        }

        public Task SaveAsync(ServerSettings settings, CancellationToken ct = default) => throw new InvalidOperationException("store unavailable");

        public Task<IReadOnlyList<ServerSettings>> ListAsync(CancellationToken ct = default) => throw new InvalidOperationException("store unavailable");
    }
}
