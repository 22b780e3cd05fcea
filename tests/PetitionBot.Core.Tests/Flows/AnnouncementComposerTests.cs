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

        Assert.Equal("9 signatures!", title);
        Assert.Contains("Bigschool Medical College (5)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tinyschool", title + text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("9 so far", text, StringComparison.Ordinal);
        Assert.Contains("from 2 schools", text, StringComparison.Ordinal);
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

        Assert.Equal(48, progress.Percent);
        Assert.Equal("482 of 1,000", progress.Summary);
        Assert.Equal(new string('▓', 9) + new string('░', 11) + " 48%", progress.Bar);
        Assert.Equal(new Progress(482, 1000), progress);
    }
}
