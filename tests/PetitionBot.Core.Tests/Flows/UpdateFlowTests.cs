using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

public sealed class UpdateFlowTests : IDisposable
{
    private readonly BotHarness bot = new();
    private readonly Actor leader = BotHarness.Leader();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Update_Leader_IsQueuedForTheServersChannelAndAudited()
    {
        await bot.SaveServerAsync(s => s with { School = "UCSF School of Medicine" });
        var form = await bot.CommandAsync(leader, CommandCatalog.Update);
        Assert.NotNull(form.Form);

        var reply = await bot.SubmitAsync(leader, form, ("message", "Join us Friday\r\nat noon."));

        Assert.Contains("queued", reply.Text, StringComparison.Ordinal);
        var item = Assert.Single(await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 10));
        Assert.Equal(new ChannelRef(PlatformKind.Discord, BotHarness.GuildId, BotHarness.ChannelId), item.Channel);
        var announcement = await bot.Outbox.FindAnnouncementAsync(item.AnnouncementId);
        Assert.Equal((AnnouncementKind.ChapterUpdate, "Join us Friday\nat noon."), (announcement!.Kind, announcement.Text));
        var audit = Assert.Single(await bot.Audit.RecentAsync(10));
        Assert.Equal(AuditActions.Update, audit.Action);
        Assert.DoesNotContain("Friday", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_FourthWithinWindow_IsRefusedClearly()
    {
        await bot.SaveServerAsync();
        for (var i = 0; i < 3; i++)
        {
            var form = await bot.CommandAsync(leader, CommandCatalog.Update);
            Assert.Contains("queued", (await bot.SubmitAsync(leader, form, ("message", $"Update {i}"))).Text, StringComparison.Ordinal);
            bot.Time.Advance(TimeSpan.FromHours(1));
        }

        var fourth = await bot.CommandAsync(leader, CommandCatalog.Update);

        Assert.Null(fourth.Form);
        Assert.Contains("already posted 3 updates in the last 24 hours", fourth.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was posted", fourth.Text, StringComparison.Ordinal);
        Assert.Equal(3, await bot.Outbox.PendingCountAsync());

        bot.Time.Advance(TimeSpan.FromHours(22));
        var later = await bot.CommandAsync(leader, CommandCatalog.Update);
        Assert.NotNull(later.Form);
    }

    [Fact]
    public async Task Update_FourthSubmittedFromAnEarlierForm_IsRefused()
    {
        await bot.SaveServerAsync();
        var forms = new List<Reply>();
        for (var i = 0; i < 4; i++)
        {
            forms.Add(await bot.CommandAsync(leader, CommandCatalog.Update));
        }

        for (var i = 0; i < 3; i++)
        {
            await bot.SubmitAsync(leader, forms[i], ("message", $"Update {i}"));
        }

        var fourth = await bot.SubmitAsync(leader, forms[3], ("message", "Update 3"));

        Assert.Contains("already posted 3 updates", fourth.Text, StringComparison.Ordinal);
        Assert.Equal(3, await bot.Outbox.PendingCountAsync());
    }

    [Fact]
    public async Task Update_ConfiguredLimit_IsHonoured()
    {
        using var strict = new BotHarness(o => o.Updates.MaxPerWindow = 1);
        await strict.SaveServerAsync();
        await strict.SubmitAsync(leader, await strict.CommandAsync(leader, CommandCatalog.Update), ("message", "one"));

        var second = await strict.CommandAsync(leader, CommandCatalog.Update);

        Assert.Contains("already posted 1 updates", second.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("bad \u0007 bell")]
    public async Task Update_InvalidMessage_NothingQueued(string message)
    {
        await bot.SaveServerAsync();
        var form = await bot.CommandAsync(leader, CommandCatalog.Update);

        var reply = await bot.SubmitAsync(leader, form, ("message", message));

        Assert.True(reply.FieldErrors.ContainsKey("message"));
        Assert.Contains("Nothing was posted", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await bot.Outbox.PendingCountAsync());
        Assert.Empty(await bot.Audit.RecentAsync(10));
    }

    [Fact]
    public async Task Update_TooLong_NothingQueued()
    {
        await bot.SaveServerAsync();
        var form = await bot.CommandAsync(leader, CommandCatalog.Update);

        var reply = await bot.SubmitAsync(leader, form, ("message", new string('x', 1501)));

        Assert.Contains("at most 1500 characters", reply.FieldErrors["message"], StringComparison.Ordinal);
        Assert.Equal(0, await bot.Outbox.PendingCountAsync());
    }

    [Fact]
    public async Task Update_ServerWithoutChannel_ExplainsSetup()
    {
        await bot.SaveServerAsync(s => s with { AnnouncementChannelId = null });

        var reply = await bot.CommandAsync(leader, CommandCatalog.Update);

        Assert.Null(reply.Form);
        Assert.Contains("/setup channel", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_OrganizerToEveryServer_QueuesOnePerChannelWithoutThrottle()
    {
        for (var i = 0; i < 5; i++)
        {
            await bot.SaveServerAsync(s => s with { AnnouncementChannelId = $"{900 + i}" }, guild: $"{800 + i}");
        }

        await bot.SaveServerAsync(s => s with { ChannelProblem = "forbidden", AnnouncementChannelId = "999" }, guild: "899");
        var organizer = BotHarness.Organizer(guild: "800");
        for (var round = 0; round < 4; round++)
        {
            var scope = await bot.CommandAsync(organizer, CommandCatalog.Update);
            Assert.Equal(["This server", "Every server"], scope.Choices.Select(c => c.Label));
            var form = await bot.PressAsync(organizer, scope, "Every server");

            var reply = await bot.SubmitAsync(organizer, form, ("message", $"Round {round}"));

            Assert.Contains("queued for 5 server(s)", reply.Text, StringComparison.Ordinal);
        }

        var due = await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 100);
        Assert.Equal(20, due.Count);
        Assert.Equal(Enumerable.Range(900, 5).Select(i => $"{i}").ToHashSet(), due.Select(d => d.Channel.ChannelId).ToHashSet());
    }

    [Fact]
    public async Task Update_OrganizerInDirectMessage_OffersEveryServerAndSkipsOtherCampaignsAndGoneServers()
    {
        await bot.SaveServerAsync();
        await bot.SaveServerAsync(s => s with { AnnouncementChannelId = "611", DefaultCampaignId = "other-campaign" }, guild: "511");
        await bot.SaveServerAsync(s => s with { AnnouncementChannelId = "612", Present = false }, guild: "512");
        var organizer = BotHarness.Organizer(guild: "");

        var scope = await bot.CommandAsync(organizer, CommandCatalog.Update);
        Assert.Equal(["Every server"], scope.Choices.Select(c => c.Label));
        var reply = await bot.SubmitAsync(organizer, await bot.PressAsync(organizer, scope, "Every server"), ("message", "Hello all"));

        Assert.Contains("queued for 1 server(s)", reply.Text, StringComparison.Ordinal);
        var item = Assert.Single(await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 10));
        Assert.Equal(BotHarness.ChannelId, item.Channel.ChannelId);
    }
}
