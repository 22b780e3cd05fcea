using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Outbox;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Abuse;

public sealed class AbuseLimitTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Handle_TooManyInteractionsInAMinute_SaysSlowDownAndChangesNothing()
    {
        using var host = Build(new FakeChatPlatform(), new Dictionary<string, string?> { ["Abuse:InteractionsPerMinute"] = "5" });
        var bot = host.Services.GetRequiredService<IPetitionBot>();
        var actor = new Actor(PlatformKind.Discord, "g1", "77", [], false, "discord:77");
        for (var i = 0; i < 5; i++)
        {
            Assert.DoesNotContain("going a bit fast", (await bot.HandleAsync(CommandInput.Create(actor, "c", CommandCatalog.Petition))).Text);
        }

        var refused = await bot.HandleAsync(CommandInput.Create(actor, "c", CommandCatalog.Sign));
        Assert.Contains("going a bit fast", refused.Text);
        Assert.Empty(refused.Choices);

        var other = new Actor(PlatformKind.Discord, "g1", "78", [], false, "discord:78");
        Assert.DoesNotContain("going a bit fast", (await bot.HandleAsync(CommandInput.Create(other, "c", CommandCatalog.Petition))).Text);
    }

    [Fact]
    public async Task Sign_SpikeFromOneServer_AlertsOrganizersOnce()
    {
        var platform = new FakeChatPlatform();
        using var host = Build(platform, new Dictionary<string, string?>
        {
            ["Alerts:Platform"] = "discord",
            ["Alerts:WorkspaceId"] = "hq",
            ["Alerts:ChannelId"] = "alerts",
            ["Alerts:SpikeThreshold"] = "3",
        });
        var bot = host.Services.GetRequiredService<IPetitionBot>();
        for (var i = 0; i < 6; i++)
        {
            await SignAsync(bot, new Actor(PlatformKind.Discord, "g9", $"{500 + i}", [], false, $"discord:{500 + i}"));
        }

        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchDueAsync() > 0)
        {
        }

        Assert.Equal(1, platform.PostsIn("alerts"));
        var alert = platform.All.Single(p => p.Title == "Signing spike");
        Assert.Contains("g9", alert.Text);
        Assert.DoesNotContain("Signer", alert.Text);
    }

    [Fact]
    public async Task Invalidate_ByServer_RemovesOnlyThatServersSignaturesAndAudits()
    {
        using (var host = Build(new FakeChatPlatform()))
        {
            var bot = host.Services.GetRequiredService<IPetitionBot>();
            for (var i = 0; i < 3; i++)
            {
                await SignAsync(bot, new Actor(PlatformKind.Discord, "spam", $"{900 + i}", [], false, $"discord:{900 + i}"));
            }

            await SignAsync(bot, new Actor(PlatformKind.Discord, "good", "42", [], false, "discord:42"));
        }

        var output = new CapturedOutput();
        var error = new CapturedOutput();
        var code = await PetitionBotApp.RunAsync(["invalidate", "--campaign", "test", "--server", "discord:spam"], TextReader.Null, output, error, TestConfig.For(_dir.Path));
        Assert.True(code == 0, error.Text);
        Assert.Contains("Removed 3 signature(s)", output.Text);

        using var after = Build(new FakeChatPlatform());
        var stats = await after.Services.GetRequiredService<ISignatureStore>().GetStatsAsync("test", DateTimeOffset.UtcNow);
        Assert.Equal(1, stats.Total);
        var audit = await after.Services.GetRequiredService<IAuditLog>().RecentAsync(5);
        Assert.Contains(audit, a => a.Action == AuditActions.Invalidate && a.Detail.Contains("removed=3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalidate_WithoutServerOrWindow_IsRefused()
    {
        var error = new CapturedOutput();
        var code = await PetitionBotApp.RunAsync(["invalidate", "--campaign", "test"], TextReader.Null, new CapturedOutput(), error, TestConfig.For(_dir.Path));
        Assert.Equal(2, code);
        Assert.Contains("will not remove a whole campaign", error.Text);
    }

    public void Dispose() => _dir.Dispose();

    internal static async Task SignAsync(IPetitionBot bot, Actor actor, string name = "Signer Name", bool named = true)
    {
        var start = await bot.HandleAsync(CommandInput.Create(actor, "c", CommandCatalog.Sign));
        var naming = await bot.HandleAsync(ChoiceInput.Button(actor, "c", start.Choices[0].Token));
        var form = await bot.HandleAsync(ChoiceInput.Button(actor, "c", naming.Choices[named ? 0 : 1].Token));
        var fields = new Dictionary<string, string> { ["school"] = "UC Davis", ["stage"] = "MS1" };
        if (named)
        {
            fields["name"] = name;
        }

        var confirm = await bot.HandleAsync(new FormInput(actor, "c", form.Form!.Token, fields));
        var done = await bot.HandleAsync(ChoiceInput.Button(actor, "c", confirm.Choices[0].Token));
        Assert.StartsWith("Signed", done.Text);
    }

    private IHost Build(FakeChatPlatform platform, IDictionary<string, string?>? extra = null) =>
        PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, [])
        {
            Overrides = TestConfig.For(_dir.Path, extra),
            ConfigureServices = s => s.AddSingleton<IChatPlatform>(platform),
        });
}
