using PetitionBot.Core.Flows;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

/// <summary>The notification opt-in (Campaigns:N:Notifications): offered after signing, stored encrypted, one private
/// message per subscriber per event (a recipient's response, the delivery), removed by /unsign and /mydata.</summary>
public sealed class NotificationFlowTests : IDisposable
{
    private const string OptIn = "Message me when it is delivered or answered";
    private static readonly DateTimeOffset ClosesAt = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly BotHarness bot = new(o =>
    {
        o.Campaigns[0].Notifications = true;
        o.Campaigns[0].ClosesAt = ClosesAt;
    });

    public void Dispose() => bot.Dispose();

    private ISubscriptionStore Subscriptions => new PetitionBot.Storage.LiteDb.LiteDbSubscriptionStore(bot.Context);

    [Fact]
    public async Task Sign_NotificationsOff_NoOptInOffered()
    {
        using var off = new BotHarness();

        var signed = await off.SignAsync(BotHarness.Student());

        Assert.StartsWith("Signed", signed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(signed.Choices, c => c.Label == OptIn);
    }

    [Fact]
    public async Task OptIn_AfterSigning_StoredUntilCloseplus30DaysAndSaidSo()
    {
        var student = BotHarness.Student();
        var signed = await bot.SignAsync(student);

        var reply = await bot.PressAsync(student, signed, OptIn);
        var again = await bot.PressAsync(student, signed, OptIn);

        Assert.StartsWith("Done: PetitionBot will send you one private message when the petition is delivered", reply.Text, StringComparison.Ordinal);
        Assert.Contains("encrypted, until July 1, 2026", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("You already asked for these messages; nothing changed.", again.Text, StringComparison.Ordinal);
        var stored = Assert.Single(await Subscriptions.FindAllAsync(student.IdentityKey));
        Assert.Equal(ClosesAt.AddDays(30), stored.ExpiresAt);
        Assert.Equal(new DirectRecipient(stored.Id, student.Platform, student.ServerId, student.UserId), await Subscriptions.RecipientAsync(stored.Id));
    }

    [Fact]
    public async Task OptIn_NotSigned_RefusedNothingStored()
    {
        var signed = await bot.SignAsync(BotHarness.Student());
        var stranger = BotHarness.Student("1002");

        var reply = await bot.PressAsync(stranger, signed, OptIn);

        Assert.Equal("Only signers can ask for this message: sign with /sign first. Nothing was stored.", reply.Text);
        Assert.Empty(await Subscriptions.FindAllAsync(stranger.IdentityKey));
    }

    [Fact]
    public async Task OptIn_ForgedToken_ExpiredNothingStored()
    {
        var student = BotHarness.Student();
        await bot.SignAsync(student);

        var reply = await bot.Bot.HandleAsync(ChoiceInput.Button(student, BotHarness.ChannelId, "nt:no-such-campaign:on"));

        Assert.Equal(Replies.Expired.Text, reply.Text);
        Assert.Empty(await Subscriptions.FindAllAsync(student.IdentityKey));
    }

    [Fact]
    public async Task Respond_TwoSubscribers_OneDirectMessageEachAndNoneTheSecondTime()
    {
        await bot.SaveServerAsync();
        await OptInAsync("1001");
        await OptInAsync("1002");
        await bot.SignAsync(BotHarness.Student("1003"), name: "Not Subscribed");

        var reply = await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Respond, ("recipient", "AAMC"), ("text", "We will review it."));
        var again = await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Respond, ("recipient", "AAMC"), ("text", "We will review it."));

        Assert.Contains("2 signers who asked get a private message.", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("This response was already recorded", again.Text, StringComparison.Ordinal);
        var due = await bot.Outbox.DueAsync(bot.Time.GetUtcNow().AddMinutes(1), 50);
        var direct = due.Where(d => d.Channel.ChannelId.StartsWith(DirectTarget.Prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, direct.Count);
        Assert.Equal(2, direct.Select(d => d.Channel.ChannelId).Distinct().Count());
        Assert.Single(due, d => d.Channel.ChannelId == BotHarness.ChannelId);
        var notice = await bot.Outbox.FindAnnouncementAsync(direct[0].AnnouncementId);
        Assert.Equal(AnnouncementKind.SignerNotice, notice!.Kind);
        Assert.StartsWith("AAMC responded on March 10, 2026", notice.Text, StringComparison.Ordinal);
        Assert.Contains("You asked for this message when you signed.", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivered_Organizer_AnnouncedAndEachSubscriberOnceRepeatChangesNothing()
    {
        await bot.SaveServerAsync();
        await OptInAsync("1001");

        var reply = await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Delivered, ("date", "2026-03-09"), ("link", "https://example.org/letter"));
        var again = await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Delivered);

        Assert.Equal("Marked the petition delivered (March 9, 2026). It will be announced once to 1 announcement channels, and 1 signers who asked get a private message.", reply.Text);
        Assert.Equal("The petition was already marked delivered on March 10, 2026; nothing changed and nothing is sent again.", again.Text);
        var due = await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 50);
        Assert.Equal(2, due.Count);
        Assert.Single(due, d => d.Channel.ChannelId.StartsWith(DirectTarget.Prefix, StringComparison.Ordinal));
        var announced = await bot.Outbox.FindAnnouncementAsync(DeliveredFlow.AnnouncementId(BotHarness.CampaignId));
        Assert.Equal(AnnouncementKind.PetitionDelivered, announced!.Kind);
        Assert.Equal("The petition \"Reinstate protected areas\" was delivered on March 9, 2026 to AMA; AAMC; LCME; AOA; AACOM.\nhttps://example.org/letter", announced.Text);
        Assert.Equal("delivered", Assert.Single(await bot.Audit.RecentAsync(10)).Action);
    }

    [Theory]
    [InlineData("date", "2026-3-9", "The date must be written YYYY-MM-DD")]
    [InlineData("link", "http://example.org", "The link must be an https:// address")]
    public async Task Delivered_BadInput_OneSentenceNothingRecorded(string key, string value, string expected)
    {
        var reply = await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Delivered, (key, value));

        Assert.StartsWith(expected, reply.Text, StringComparison.Ordinal);
        Assert.Null(await bot.Outbox.FindAnnouncementAsync(DeliveredFlow.AnnouncementId(BotHarness.CampaignId)));
    }

    [Fact]
    public async Task Delivered_Student_DeniedNothingRecorded()
    {
        var reply = await bot.CommandAsync(BotHarness.Student(), CommandCatalog.Delivered);

        Assert.StartsWith("Only organizers", reply.Text, StringComparison.Ordinal);
        Assert.Null(await bot.Outbox.FindAnnouncementAsync(DeliveredFlow.AnnouncementId(BotHarness.CampaignId)));
    }

    [Fact]
    public async Task Unsign_OptedIn_OptInRemovedToo()
    {
        var student = await OptInAsync("1001");

        var confirm = await bot.CommandAsync(student, CommandCatalog.Unsign);
        await bot.PressAsync(student, confirm, "Withdraw my signature");

        Assert.Empty(await Subscriptions.FindAllAsync(student.IdentityKey));
    }

    [Fact]
    public async Task MyData_OptedIn_ShowsItAndDeleteAllRemovesIt()
    {
        var student = await OptInAsync("1001");

        var shown = await bot.CommandAsync(student, CommandCatalog.MyData);
        var confirm = await bot.PressAsync(student, shown, "Delete all my data");
        var deleted = await bot.PressAsync(student, confirm, "Yes, delete everything");

        Assert.Contains("Reinstate protected areas: you asked on March 10, 2026 for a private message when it is delivered or a recipient responds; " +
                        "your Discord account id is kept encrypted until July 1, 2026", shown.Text, StringComparison.Ordinal);
        Assert.Equal("Deleted 1 signature(s), 1 request(s) for private messages and all your data.", deleted.Text);
        Assert.Empty(await Subscriptions.FindAllAsync(student.IdentityKey));
    }

    private async Task<PetitionBot.Core.Model.Actor> OptInAsync(string userId)
    {
        var student = BotHarness.Student(userId);
        var signed = await bot.SignAsync(student, name: "Signer " + userId);
        await bot.PressAsync(student, signed, OptIn);
        return student;
    }
}
