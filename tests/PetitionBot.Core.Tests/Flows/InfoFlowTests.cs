using PetitionBot.Core.Interactions;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

public sealed class InfoFlowTests : IDisposable
{
    private readonly BotHarness bot = new();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Totals_Organizer_GetsBreakdownAndChart()
    {
        await bot.SignAsync(BotHarness.Student("1"), school: "UCSF School of Medicine", stage: "MS1");
        await bot.SignAsync(BotHarness.Student("2"), named: false, school: "Harvard Medical School", stage: "PGY1");
        bot.Time.Advance(TimeSpan.FromDays(2));
        await bot.SignAsync(BotHarness.Student("3"), school: "Harvard Medical School", stage: "PGY1");

        var reply = await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Totals);

        Assert.Contains("Total 3 (2 named, 1 counted only)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("last 24 h: 1, last 7 days: 3", reply.Text, StringComparison.Ordinal);
        Assert.Contains("By stage:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("PGY1: 2", reply.Text, StringComparison.Ordinal);
        Assert.Contains("By platform:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Discord: 3", reply.Text, StringComparison.Ordinal);
        Assert.Contains("By verification:\n  self-attested: 3", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Harvard Medical School (2 self-attested): 2", reply.Text, StringComparison.Ordinal);
        Assert.Contains("UCSF School of Medicine (1 self-attested): 1", reply.Text, StringComparison.Ordinal);
        var chart = Assert.Single(reply.Attachments);
        Assert.Equal("image/png", chart.ContentType);
        Assert.Equal([1, 2], Assert.Single(bot.Charts.Calls).Select(d => d.Count).Order());
        Assert.Equal(new Progress(3, 1000), reply.Progress);
    }

    [Fact]
    public async Task Totals_Student_GetsTotalOnly()
    {
        await bot.SaveServerAsync(s => s with { School = "UCSF School of Medicine" });
        await bot.SignAsync(BotHarness.Student("1"));

        var reply = await bot.CommandAsync(BotHarness.Student("2"), CommandCatalog.Totals);

        Assert.StartsWith("1 signature, <1% of the 1,000 goal.", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("UCSF", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Attachments);
    }

    [Fact]
    public async Task Totals_LeaderWithFewerThanFive_SaysFewerThanFive()
    {
        await bot.SaveServerAsync(s => s with { School = "UCSF School of Medicine" });
        for (var i = 0; i < 4; i++)
        {
            await bot.SignAsync(BotHarness.Student($"{i}"), school: "UCSF School of Medicine");
        }

        var reply = await bot.CommandAsync(BotHarness.Leader(), CommandCatalog.Totals);

        Assert.Contains("UCSF School of Medicine: fewer than 5 signers.", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("rank", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(": 4", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Totals_LeaderWithFiveOrMore_GetsCountAndRank()
    {
        await bot.SaveServerAsync(s => s with { School = "UCSF School of Medicine" });
        for (var i = 0; i < 6; i++)
        {
            await bot.SignAsync(BotHarness.Student($"h{i}"), school: "Harvard Medical School");
        }

        for (var i = 0; i < 5; i++)
        {
            await bot.SignAsync(BotHarness.Student($"{i}"), named: i % 2 == 0, school: "ucsf school of medicine");
        }

        var reply = await bot.CommandAsync(BotHarness.Leader(), CommandCatalog.Totals);

        Assert.Contains("UCSF School of Medicine: 5 signers, rank 2 of 2 schools.", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Harvard", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Petition_Anyone_GetsSummaryLinkAndProgress()
    {
        await bot.SignAsync(BotHarness.Student("1"));

        var reply = await bot.CommandAsync(BotHarness.Student("2"), CommandCatalog.Petition);

        Assert.Contains(bot.Campaign.Summary, reply.Text, StringComparison.Ordinal);
        Assert.Contains(BotHarness.ExternalUrl, reply.Text, StringComparison.Ordinal);
        Assert.Contains("1 signature so far", reply.Text, StringComparison.Ordinal);
        Assert.Equal(new Progress(1, 1000), reply.Progress);
        Assert.DoesNotContain("UCSF", reply.Text, StringComparison.Ordinal);
    }
}
