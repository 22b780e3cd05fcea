using PetitionBot.Core.Announcements;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

public sealed class AnnouncementComposerTests : IDisposable
{
    private readonly BotHarness bot = new(o => o.Campaigns[0].Milestones = [9]);

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Compose_CampaignMilestone_ShowsOnlySchoolsWithFiveOrMore()
    {
        await bot.SaveServerAsync();
        for (var i = 0; i < 5; i++)
        {
            await bot.SignAsync(BotHarness.Student($"b{i}"), named: i > 2, school: "Bigschool Medical College");
        }

        for (var i = 0; i < 4; i++)
        {
            await bot.SignAsync(BotHarness.Student($"s{i}"), school: "Tinyschool Medical College");
        }

        var item = Assert.Single(await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 10));
        var announcement = await bot.Outbox.FindAnnouncementAsync(item.AnnouncementId);
        Assert.Equal((AnnouncementKind.CampaignMilestone, 9), (announcement!.Kind, announcement.Milestone));

        var (title, text) = new AnnouncementComposer().Compose(announcement, bot.Campaign, await bot.StatsAsync());

        Assert.Equal("The petition passed 9 signatures!", title);
        Assert.Contains("Bigschool Medical College (5)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tinyschool", title + text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("passed 9 signatures and now has 9, <1% of the 1,000 goal", text, StringComparison.Ordinal);
        Assert.Contains("From 1 school (", text, StringComparison.Ordinal);
        Assert.Contains("/sign", text, StringComparison.Ordinal);
        Assert.Contains(BotHarness.ExternalUrl, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_SchoolWithFourSigners_NeverNamed()
    {
        var stats = new CampaignStats(BotHarness.CampaignId, 4, 4, [new CountBy("tinyschool", "Tinyschool", 4)], [], [], [], 0, 0);
        var milestone = new Announcement("a", BotHarness.CampaignId, AnnouncementKind.CampaignMilestone, 4, null, null, null, bot.Time.GetUtcNow());

        var (title, text) = new AnnouncementComposer().Compose(milestone, bot.Campaign, stats);

        Assert.DoesNotContain("Tinyschool", title + text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Leading schools", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SchoolMilestoneWhenSchoolFellBelowFive_DoesNotNameTheSchool()
    {
        var stats = new CampaignStats(BotHarness.CampaignId, 20, 20,
            [new CountBy("tinyschool", "Tinyschool", 4), new CountBy("big", "Bigschool", 16)], [], [], [], 0, 0);
        var milestone = new Announcement("a", BotHarness.CampaignId, AnnouncementKind.SchoolMilestone, 10, "tinyschool", null, null, DateTimeOffset.UnixEpoch);

        var (title, text) = new AnnouncementComposer().Compose(milestone, bot.Campaign, stats);

        Assert.DoesNotContain("Tinyschool", title + text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Bigschool (16)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_SchoolMilestoneThroughSignFlow_GoesToThatSchoolsServerAndNamesIt()
    {
        await bot.SaveServerAsync(s => s with { School = "Bigschool Medical College" });
        await bot.SaveServerAsync(s => s with { AnnouncementChannelId = "601", School = "Other School" }, guild: "501");
        for (var i = 0; i < 10; i++)
        {
            await bot.SignAsync(BotHarness.Student($"b{i}"), named: false, school: "Bigschool Medical College");
        }

        var schoolItems = new List<OutboxItem>();
        foreach (var item in await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 10))
        {
            if ((await bot.Outbox.FindAnnouncementAsync(item.AnnouncementId))!.Kind == AnnouncementKind.SchoolMilestone)
            {
                schoolItems.Add(item);
            }
        }

        var schoolItem = Assert.Single(schoolItems);
        Assert.Equal(new ChannelRef(PlatformKind.Discord, BotHarness.GuildId, BotHarness.ChannelId), schoolItem.Channel);
        var announcement = await bot.Outbox.FindAnnouncementAsync(schoolItem.AnnouncementId);

        var (title, _) = new AnnouncementComposer().Compose(announcement!, bot.Campaign, await bot.StatsAsync());

        Assert.Equal("Bigschool Medical College passed 10 signatures!", title);
    }

    [Fact]
    public void Compose_ChapterUpdate_ReturnsItsOwnText()
    {
        var update = new Announcement("a", BotHarness.CampaignId, AnnouncementKind.ChapterUpdate, null, null, "Chapter update", "Meet Friday", DateTimeOffset.UnixEpoch);

        Assert.Equal(("Chapter update", "Meet Friday"), new AnnouncementComposer().Compose(update, bot.Campaign, CampaignStats.Empty(BotHarness.CampaignId)));
    }

    [Fact]
    public void ProgressOf_Stats_UsesGoal()
    {
        var progress = AnnouncementComposer.ProgressOf(bot.Campaign, CampaignStats.Empty(BotHarness.CampaignId) with { Total = 482 });

        Assert.Equal(48, progress.WholePercent);
        Assert.Equal("482 of 1,000", progress.Summary);
        Assert.Equal(new string('▓', 9) + new string('░', 11) + " 48%", progress.Bar);
        Assert.Equal(new Progress(482, 1000), progress);
    }

    [Fact]
    public void Compose_MilestonePassedMoreSignedSince_HeadlineIsTheMilestoneBodySaysNow()
    {
        var stats = new CampaignStats(BotHarness.CampaignId, 16, 16,
            [new CountBy("a", "Aschool", 7), new CountBy("b", "Bschool", 6), new CountBy("c", "Cschool", 3)], [], [], [], 0, 0);
        var milestone = new Announcement("a", BotHarness.CampaignId, AnnouncementKind.CampaignMilestone, 10, null, null, null, DateTimeOffset.UnixEpoch);

        var (title, text) = new AnnouncementComposer().Compose(milestone, bot.Campaign, stats);

        Assert.Equal("The petition passed 10 signatures!", title);
        Assert.Contains("passed 10 signatures and now has 16, 1% of the 1,000 goal.", text, StringComparison.Ordinal);
        Assert.Contains("From 2 schools (schools with fewer than 5 signers are not counted in public).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("3 schools", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cschool", text, StringComparison.Ordinal);
        Assert.Equal("16 of 1,000", AnnouncementComposer.ProgressOf(bot.Campaign, stats).Summary);
    }

    [Fact]
    public void Compose_SchoolMilestone_HeadlineMilestoneBodyLiveSchoolAndTotal()
    {
        var stats = new CampaignStats(BotHarness.CampaignId, 40, 40, [new CountBy("big", "Bigschool", 12), new CountBy("x", "Xschool", 28)], [], [], [], 0, 0);
        var milestone = new Announcement("a", BotHarness.CampaignId, AnnouncementKind.SchoolMilestone, 10, "big", null, null, DateTimeOffset.UnixEpoch);

        var (title, text) = new AnnouncementComposer().Compose(milestone, bot.Campaign, stats);

        Assert.Equal("Bigschool passed 10 signatures!", title);
        Assert.Contains("Bigschool passed 10 signers on", text, StringComparison.Ordinal);
        Assert.Contains("and now has 12.", text, StringComparison.Ordinal);
        Assert.Contains("The whole petition now has 40, 4% of the 1,000 goal.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1000, "0", " 0%")]
    [InlineData(1, 1000, "<1", " <1%")]
    [InlineData(9, 1000, "<1", " <1%")]
    [InlineData(10, 1000, "1", " 1%")]
    [InlineData(1500, 1000, "150", " 150%")]
    public void Progress_UnderOnePercent_ShowsLessThanOne(int count, int goal, string percent, string barEnd)
    {
        var progress = new Progress(count, goal);

        Assert.Equal(percent, progress.Percent);
        Assert.EndsWith(barEnd, progress.Bar, StringComparison.Ordinal);
    }
}
