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

    /// <summary>Form → preview → Post.</summary>
    private static async Task<Reply> PostAsync(BotHarness harness, Actor actor, Reply form, string message)
    {
        var preview = await harness.SubmitAsync(actor, form, ("message", message));
        return await harness.PressAsync(actor, preview, "Post");
    }

    [Fact]
    public async Task Update_Leader_IsQueuedForTheServersChannelAndAudited()
    {
        await bot.SaveServerAsync(s => s with { School = "UCSF School of Medicine" });
        var form = await bot.CommandAsync(leader, CommandCatalog.Update);
        Assert.NotNull(form.Form);

        var reply = await PostAsync(bot, leader, form, "Join us Friday\r\nat noon.");

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
            Assert.Contains("queued", (await PostAsync(bot, leader, form, $"Update {i}")).Text, StringComparison.Ordinal);
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

        var previews = new List<Reply>();
        for (var i = 0; i < 4; i++)
        {
            previews.Add(await bot.SubmitAsync(leader, forms[i], ("message", $"Update {i}")));
        }

        for (var i = 0; i < 3; i++)
        {
            await bot.PressAsync(leader, previews[i], "Post");
        }

        var fourth = await bot.PressAsync(leader, previews[3], "Post");

        Assert.Contains("already posted 3 updates", fourth.Text, StringComparison.Ordinal);
        Assert.Equal(3, await bot.Outbox.PendingCountAsync());
    }

    [Fact]
    public async Task Update_ConfiguredLimit_IsHonoured()
    {
        using var strict = new BotHarness(o => o.Updates.MaxPerWindow = 1);
        await strict.SaveServerAsync();
        await PostAsync(strict, leader, await strict.CommandAsync(leader, CommandCatalog.Update), "one");

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

        Assert.Contains("The update is 1,501 characters; the limit is 1,500.", reply.FieldErrors["message"], StringComparison.Ordinal);
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

            var reply = await PostAsync(bot, organizer, form, $"Round {round}");

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
        var reply = await PostAsync(bot, organizer, await bot.PressAsync(organizer, scope, "Every server"), "Hello all");

        Assert.Contains("queued for 1 server(s)", reply.Text, StringComparison.Ordinal);
        var item = Assert.Single(await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 10));
        Assert.Equal(BotHarness.ChannelId, item.Channel.ChannelId);
    }

    [Fact]
    public async Task Update_Submitted_PreviewFirstAndNothingPostedUntilPost()
    {
        await bot.SaveServerAsync(s => s with { School = "UCSF School of Medicine" });
        var form = await bot.CommandAsync(leader, CommandCatalog.Update);

        var preview = await bot.SubmitAsync(leader, form, ("message", "Teach-in Monday"));

        Assert.Equal(["Post", "Edit", "Cancel"], preview.Choices.Select(c => c.Label));
        Assert.Contains("Teach-in Monday", preview.Text, StringComparison.Ordinal);
        Assert.Contains("Update from the UCSF School of Medicine chapter", preview.Title, StringComparison.Ordinal);
        Assert.Equal(0, await bot.Outbox.PendingCountAsync());
        Assert.Empty(await bot.Audit.RecentAsync(10));

        var posted = await bot.PressAsync(leader, preview, "Post");

        Assert.Contains("queued", posted.Text, StringComparison.Ordinal);
        Assert.Equal(1, await bot.Outbox.PendingCountAsync());
        Assert.Equal(0, await bot.LeftoverDraftsAsync(leader));
        Assert.Same(PetitionBot.Core.Flows.Replies.Expired, await bot.PressAsync(leader, preview, "Post"));
        Assert.Equal(1, await bot.Outbox.PendingCountAsync());
    }

    [Fact]
    public async Task Update_PreviewEdit_FormComesBackWithTheTextAndTheEditIsPosted()
    {
        await bot.SaveServerAsync();
        var preview = await bot.SubmitAsync(leader, await bot.CommandAsync(leader, CommandCatalog.Update), ("message", "Meeting at 5"));

        var edit = await bot.PressAsync(leader, preview, "Edit");

        Assert.Equal("Meeting at 5", Assert.Single(edit.Form!.Fields).Value);
        var again = await bot.SubmitAsync(leader, edit, ("message", "Meeting at 6"));
        await bot.PressAsync(leader, again, "Post");
        var item = Assert.Single(await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 10));
        Assert.Equal("Meeting at 6", (await bot.Outbox.FindAnnouncementAsync(item.AnnouncementId))!.Text);
        Assert.Equal(0, await bot.LeftoverDraftsAsync(leader));
    }

    [Fact]
    public async Task Update_PreviewCancel_NothingPostedNothingKept()
    {
        await bot.SaveServerAsync();
        var preview = await bot.SubmitAsync(leader, await bot.CommandAsync(leader, CommandCatalog.Update), ("message", "Never mind"));

        var cancelled = await bot.PressAsync(leader, preview, "Cancel");

        Assert.Contains("Nothing was posted", cancelled.Text, StringComparison.Ordinal);
        Assert.Equal(0, await bot.Outbox.PendingCountAsync());
        Assert.Equal(0, await bot.LeftoverDraftsAsync(leader));
    }

    [Fact]
    public async Task Update_TooLong_TextKeptFormComesBackSayingLengthAndLimit()
    {
        await bot.SaveServerAsync();
        var text = new string('x', 1700);

        var refused = await bot.SubmitAsync(leader, await bot.CommandAsync(leader, CommandCatalog.Update), ("message", text));

        Assert.Contains("1,700 characters; the limit is 1,500", refused.Text, StringComparison.Ordinal);
        var edit = await bot.PressAsync(leader, refused, "Edit");
        var field = Assert.Single(edit.Form!.Fields);
        Assert.Equal(text, field.Value);
        Assert.True(field.MaxLength >= text.Length);
        Assert.Contains("1,500", field.Label, StringComparison.Ordinal);
        var preview = await bot.SubmitAsync(leader, edit, ("message", text[..1500]));
        Assert.Contains("queued", (await bot.PressAsync(leader, preview, "Post")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_Empty_ClearErrorNoDraft()
    {
        await bot.SaveServerAsync();

        var reply = await bot.SubmitAsync(leader, await bot.CommandAsync(leader, CommandCatalog.Update), ("message", "  "));

        Assert.StartsWith("The update is empty: write the message to post (up to 1,500 characters).", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await bot.LeftoverDraftsAsync(leader));
    }

    [Fact]
    public async Task Update_Throttled_SaysWhenTheNextUpdateIsAllowed()
    {
        await bot.SaveServerAsync();
        for (var i = 0; i < 3; i++)
        {
            await PostAsync(bot, leader, await bot.CommandAsync(leader, CommandCatalog.Update), $"Update {i}");
            bot.Time.Advance(TimeSpan.FromHours(2));
        }

        // Posted at 12:00, 14:00, 16:00 on March 10; now 18:00: the first leaves the 24-hour window at 12:00 next day.
        var refused = await bot.CommandAsync(leader, CommandCatalog.Update);

        Assert.Contains("The next update can be posted in 18 hours (March 11 at 12:00 UTC).", refused.Text, StringComparison.Ordinal);
        bot.Time.Advance(TimeSpan.FromHours(17.5));
        Assert.Contains("in 30 minutes (March 11 at 12:00 UTC)", (await bot.CommandAsync(leader, CommandCatalog.Update)).Text, StringComparison.Ordinal);
        bot.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.NotNull((await bot.CommandAsync(leader, CommandCatalog.Update)).Form);
    }

    [Fact]
    public async Task Update_OrganizerToThisServer_LabelledAsFromTheOrganizers()
    {
        await bot.SaveServerAsync(s => s with { School = "UCSF School of Medicine" });
        var organizer = BotHarness.Organizer();
        var form = await bot.PressAsync(organizer, await bot.CommandAsync(organizer, CommandCatalog.Update), "This server");

        var preview = await bot.SubmitAsync(organizer, form, ("message", "Thank you, UCSF"));
        await bot.PressAsync(organizer, preview, "Post");

        Assert.Contains("Update from the campaign organizers", preview.Title, StringComparison.Ordinal);
        var item = Assert.Single(await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 10));
        Assert.Equal("Update from the campaign organizers", (await bot.Outbox.FindAnnouncementAsync(item.AnnouncementId))!.Title);
    }
}
