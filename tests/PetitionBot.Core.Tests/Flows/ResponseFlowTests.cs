using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;
using PetitionBot.Core.Ports;

namespace PetitionBot.Core.Tests.Flows;

public sealed class ResponseFlowTests : IDisposable
{
    private readonly BotHarness bot = new(o => o.Campaigns[0].Recipients =
        ["American Medical Association (AMA)", "Association of American Medical Colleges (AAMC)"]);

    public void Dispose() => bot.Dispose();

    private IResponseStore Responses => new PetitionBot.Storage.LiteDb.LiteDbResponseStore(bot.Context);

    [Fact]
    public async Task Respond_OrganizerWithText_StoredAndOneDeliveryPerAnnouncementChannel()
    {
        await bot.SaveServerAsync();
        await bot.SaveServerAsync(s => s with { AnnouncementChannelId = "601" }, guild: "501");

        var reply = await Respond(("recipient", "aamc"), ("date", "2026-03-09"), ("text", "We share your concern. @everyone"));

        Assert.StartsWith("Recorded the response of Association of American Medical Colleges (AAMC) (March 9, 2026).", reply.Text, StringComparison.Ordinal);
        Assert.Contains("2 announcement channels", reply.Text, StringComparison.Ordinal);
        var due = await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 10);
        Assert.Equal(["600", "601"], due.Select(d => d.Channel.ChannelId).Order());
        var announcement = await bot.Outbox.FindAnnouncementAsync(due[0].AnnouncementId);
        Assert.Equal(AnnouncementKind.RecipientResponse, announcement!.Kind);
        Assert.Equal("Association of American Medical Colleges (AAMC) responded", announcement.Title);
        Assert.Contains("We share your concern.", announcement.Text, StringComparison.Ordinal);
        var stored = Assert.Single(await Responses.ListAsync(BotHarness.CampaignId));
        Assert.Equal((new DateOnly(2026, 3, 9), "We share your concern. @everyone", (string?)null), (stored.RespondedOn, stored.Text, stored.Link));
        var audit = Assert.Single(await bot.Audit.RecentAsync(10));
        Assert.Equal("respond", audit.Action);
    }

    [Fact]
    public async Task Respond_SameResponseTwice_AnnouncedOnce()
    {
        await bot.SaveServerAsync();
        await Respond(("recipient", "AMA"), ("date", "2026-03-09"), ("link", "https://example.org/ama"));

        var again = await Respond(("recipient", "American Medical Association (AMA)"), ("date", "2026-03-09"), ("link", "https://example.org/ama"));

        Assert.Equal("This response was already recorded; nothing changed and it is not announced again.", again.Text);
        Assert.Single(await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 10));
        Assert.Single(await Responses.ListAsync(BotHarness.CampaignId));
    }

    [Fact]
    public async Task Petition_AfterResponses_ShowsLatestFirst()
    {
        await Respond(("recipient", "AMA"), ("date", "2026-03-01"), ("text", "First answer."));
        await Respond(("recipient", "AAMC"), ("date", "2026-03-05"), ("link", "https://example.org/aamc"));

        var reply = await bot.CommandAsync(BotHarness.Student(), CommandCatalog.Petition);

        var at = reply.Text.IndexOf("Latest responses from the recipients:", StringComparison.Ordinal);
        Assert.True(at > 0);
        var latest = reply.Text[at..];
        Assert.True(latest.IndexOf("March 5, 2026: https://example.org/aamc", StringComparison.Ordinal)
                    < latest.IndexOf("March 1, 2026: First answer.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("recipient=WHO|text=Hello", "The recipient must be one of this campaign's")]
    [InlineData("recipient=AMA|date=2026-13-01|text=Hello", "The date must be written YYYY-MM-DD")]
    [InlineData("recipient=AMA|date=2026-03-20|text=Hello", "The date must be written YYYY-MM-DD")]
    [InlineData("recipient=AMA", "Give either the response's text")]
    [InlineData("recipient=AMA|text=Hi|link=https://example.org", "Give either the response's text")]
    [InlineData("recipient=AMA|link=http://example.org", "The link must be an https:// address")]
    [InlineData("recipient=AMA|link=javascript:alert(1)", "The link must be an https:// address")]
    [InlineData("recipient=AMA|text=a\u0007b", "The response's text contains control characters")]
    public async Task Respond_BadInput_OneSentenceNothingStored(string options, string expected)
    {
        await bot.SaveServerAsync();
        var pairs = options.Split('|').Select(p => p.Split('=', 2)).Select(p => (p[0], p[1])).ToArray();

        var reply = await Respond(pairs);

        Assert.StartsWith(expected, reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was recorded.", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await Responses.ListAsync(BotHarness.CampaignId));
        Assert.Empty(await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 10));
        Assert.Empty(await bot.Audit.RecentAsync(10));
    }

    [Fact]
    public async Task ExportPdf_AfterResponse_PacketListsIt()
    {
        await Respond(("recipient", "AMA"), ("date", "2026-03-01"), ("text", "First answer."));

        await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Export, (CommandCatalog.FormatOption, "pdf"));

        var listed = Assert.Single(bot.Packets.Last!.Responses);
        Assert.Equal(("American Medical Association (AMA)", "First answer."), (listed.Recipient, listed.Text));
    }

    [Fact]
    public async Task Respond_TooLongText_Refused()
    {
        var reply = await Respond(("recipient", "AMA"), ("text", new string('a', 1501)));

        Assert.Equal("The response's text must be at most 1500 characters. Nothing was recorded.", reply.Text);
    }

    [Fact]
    public async Task Respond_Student_DeniedNothingStored()
    {
        var reply = await bot.CommandAsync(BotHarness.Student(), CommandCatalog.Respond, ("recipient", "AMA"), ("text", "Fake"));

        Assert.StartsWith("Only ", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await Responses.ListAsync(BotHarness.CampaignId));
    }

    private Task<Reply> Respond(params (string Key, string Value)[] options) =>
        bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Respond, options);
}
