using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Outbox;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Outbox;

public sealed class OutboxDispatcherTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task DispatchDue_MilestoneWith50Channels_EachChannelGetsOnePost()
    {
        var platform = new FakeChatPlatform();
        using (var host = Build(platform))
        {
            await RegisterServersAsync(host, 50);
            await SignAsync(host, 2);
            await DrainAsync(host);
        }

        Assert.Equal(50, Enumerable.Range(0, 50).Count(i => platform.PostsIn($"c{i}") == 1));
        var post = platform.All.First();
        Assert.Equal("The petition passed 2 signatures!", post.Title);
        Assert.Contains("now has 2,", post.Text);
    }

    [Fact]
    public async Task DispatchDue_KilledMidFanOutAndRestarted_EveryChannelHasExactlyOnePost()
    {
        var platform = new FakeChatPlatform();
        using (var host = Build(platform))
        {
            await RegisterServersAsync(host, 20);
            await SignAsync(host, 2);
            using var crash = new CancellationTokenSource();
            var accepted = 0;
            platform.AfterAccept = _ =>
            {
                if (Interlocked.Increment(ref accepted) == 7)
                {
                    // The process dies after the platform accepted the post but before the outbox recorded it.
                    crash.Cancel();
                    crash.Token.ThrowIfCancellationRequested();
                }
            };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(crash.Token));
            platform.AfterAccept = null;
        }

        using (var restarted = Build(platform))
        {
            await DrainAsync(restarted);
        }

        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(1, platform.PostsIn($"c{i}")));
        Assert.True(platform.Attempts > 20, "the delivery interrupted by the crash was attempted again after the restart");
    }

    [Fact]
    public async Task DispatchDue_ForbiddenChannel_IsDisabledOthersDeliveredAndAdminsTold()
    {
        var platform = new FakeChatPlatform();
        platform.Answers["c3"] = new PostOutcome(PostStatus.Forbidden, Detail: "50013");
        using var host = Build(platform);
        await RegisterServersAsync(host, 5);
        await SignAsync(host, 2);
        await DrainAsync(host);

        Assert.Equal(4, Enumerable.Range(0, 5).Count(i => platform.PostsIn($"c{i}") == 1));
        var servers = host.Services.GetRequiredService<IServerStore>();
        var disabled = await servers.FindAsync(new ServerRef(PlatformKind.Discord, "g3"));
        Assert.NotNull(disabled!.ChannelProblem);
        Assert.True(disabled.AdminNoticePending);

        var bot = host.Services.GetRequiredService<IPetitionBot>();
        var admin = new Actor(PlatformKind.Discord, "g3", "42", [], IsServerAdmin: true, "discord:42");
        var first = await bot.HandleAsync(CommandInput.Create(admin, "x", CommandCatalog.Petition));
        var second = await bot.HandleAsync(CommandInput.Create(admin, "x", CommandCatalog.Petition));
        Assert.Contains("could not post to this server's announcement channel", first.Text);
        Assert.DoesNotContain("could not post", second.Text);

        await SignAsync(host, 3, start: 2);
        await DrainAsync(host);
        Assert.Equal(0, platform.PostsIn("c3"));
    }

    [Fact]
    public async Task DispatchDue_RateLimited_WaitsAndDeliversOnce()
    {
        var platform = new FakeChatPlatform();
        platform.Answers["c0"] = new PostOutcome(PostStatus.RateLimited, TimeSpan.FromMilliseconds(100));
        using var host = Build(platform);
        await RegisterServersAsync(host, 1);
        await SignAsync(host, 2);
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchDueAsync();
        Assert.Equal(0, platform.PostsIn("c0"));
        Assert.True(platform.Attempts >= 2, "short rate limits are retried in process");

        platform.Answers.Clear();
        await Task.Delay(150);
        await DrainAsync(host);
        Assert.Equal(1, platform.PostsIn("c0"));
    }

    [Fact]
    public async Task Compose_SchoolWithFourSigners_NeverAppearsInAnnouncement()
    {
        var platform = new FakeChatPlatform();
        using var host = Build(platform, new Dictionary<string, string?> { ["Campaigns:0:Milestones:1"] = "9" });
        await RegisterServersAsync(host, 1);
        await SignAsync(host, 5, school: "Big School");
        await SignAsync(host, 4, start: 5, school: "Tiny School");
        await DrainAsync(host);

        var texts = string.Join("\n", platform.All.Select(p => p.Title + " " + p.Text));
        Assert.Contains("The petition passed 9 signatures!", texts);
        Assert.Contains("Big School (5)", texts);
        Assert.DoesNotContain("Tiny School", texts);
    }

    public void Dispose() => _dir.Dispose();

    private IHost Build(FakeChatPlatform platform, IDictionary<string, string?>? extra = null) =>
        PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, [])
        {
            Overrides = TestConfig.For(_dir.Path, extra),
            ConfigureServices = s => s.AddSingleton<IChatPlatform>(platform),
        });

    private static async Task RegisterServersAsync(IHost host, int count)
    {
        var servers = host.Services.GetRequiredService<IServerStore>();
        for (var i = 0; i < count; i++)
        {
            await servers.SaveAsync(new ServerSettings(new ServerRef(PlatformKind.Discord, $"g{i}")) { AnnouncementChannelId = $"c{i}" });
        }
    }

    private static async Task SignAsync(IHost host, int count, int start = 0, string school = "UC Davis")
    {
        var store = host.Services.GetRequiredService<ISignatureStore>();
        for (var i = start; i < start + count; i++)
        {
            await store.AddAsync(
                new NewSignature("test", $"discord:{1000 + i}", new SignerAnswers(PlatformKind.Discord, "g0", null, school, "MS1", "Medical student", Verification.SelfAttested, DateTimeOffset.UtcNow)),
                new MilestonePlan([2, 5, 9], []));
        }
    }

    private static async Task DrainAsync(IHost host)
    {
        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 10 && await dispatcher.DispatchDueAsync() > 0; i++)
        {
        }
    }
}
