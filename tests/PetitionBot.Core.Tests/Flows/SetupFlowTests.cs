using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

public sealed class SetupFlowTests : IDisposable
{
    private readonly BotHarness bot = new();
    private readonly Model.Actor admin = BotHarness.Admin();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Setup_AdminWithEverySetting_SavesAndAudits()
    {
        var reply = await bot.CommandAsync(admin, CommandCatalog.Setup,
            (CommandCatalog.ChannelOption, "600"),
            (CommandCatalog.LeaderRoleOption, "700"),
            (CommandCatalog.VerifiedRoleOption, "701"),
            (CommandCatalog.StrictOption, "true"),
            (CommandCatalog.SchoolOption, "  UCSF   School of Medicine "),
            (CommandCatalog.CampaignOption, "SENSITIVE-AREAS"));

        Assert.StartsWith("Saved.", reply.Text, StringComparison.Ordinal);
        var saved = await bot.Servers.FindAsync(admin.Server);
        Assert.NotNull(saved);
        Assert.Equal(("600", "700", "701", true, "University of California, San Francisco School of Medicine", BotHarness.CampaignId, true),
            (saved.AnnouncementChannelId, saved.LeaderRoleId, saved.VerifiedRoleId, saved.Strict, saved.School, saved.DefaultCampaignId, saved.Present));
        Assert.Equal("ucsf", saved.SchoolId);
        var audit = Assert.Single(await bot.Audit.RecentAsync(10));
        Assert.Equal((AuditActions.Setup, admin.Server), (audit.Action, audit.Server));
        Assert.Contains("channel", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("UCSF", audit.Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadValues => new()
    {
        { CommandCatalog.ChannelOption, "<#600>" },
        { CommandCatalog.ChannelOption, "600 700" },
        { CommandCatalog.LeaderRoleOption, "@everyone" },
        { CommandCatalog.VerifiedRoleOption, new string('1', 41) },
        { CommandCatalog.StrictOption, "maybe" },
        { CommandCatalog.SchoolOption, "U\u0000CSF" },
        { CommandCatalog.SchoolOption, new string('s', 101) },
        { CommandCatalog.CampaignOption, "no-such-campaign" },
        { "bogus", "1" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Setup_BadValue_ChangesNothing(string key, string value)
    {
        await bot.SaveServerAsync(s => s with { School = "Old School" });
        var before = await bot.Servers.FindAsync(admin.Server);

        var valid = key == CommandCatalog.SchoolOption ? (CommandCatalog.ChannelOption, "601") : (CommandCatalog.SchoolOption, "Stanford");

        var reply = await bot.CommandAsync(admin, CommandCatalog.Setup, valid, (key, value));

        Assert.StartsWith("Nothing was changed", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, await bot.Servers.FindAsync(admin.Server));
        Assert.Empty(await bot.Audit.RecentAsync(10));
    }

    [Fact]
    public async Task Setup_StrictWithoutVerifiedRole_ChangesNothing()
    {
        var reply = await bot.CommandAsync(admin, CommandCatalog.Setup, (CommandCatalog.StrictOption, "true"));

        Assert.Contains("strict mode needs a verified role", reply.Text, StringComparison.Ordinal);
        Assert.Null(await bot.Servers.FindAsync(admin.Server));
    }

    [Fact]
    public async Task Setup_NoOptions_DescribesCurrentSettings()
    {
        await bot.SaveServerAsync(s => s with { School = "UCSF" });

        var reply = await bot.CommandAsync(admin, CommandCatalog.Setup);

        Assert.Contains("School: UCSF", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.Audit.RecentAsync(10));
    }

    [Fact]
    public async Task Setup_RoleNone_ClearsRole()
    {
        await bot.SaveServerAsync();

        await bot.CommandAsync(admin, CommandCatalog.Setup, (CommandCatalog.LeaderRoleOption, "none"));

        Assert.Null((await bot.Servers.FindAsync(admin.Server))!.LeaderRoleId);
    }

    [Fact]
    public async Task Setup_ChannelAfterProblem_ClearsProblemAndKeepsNewChannel()
    {
        await bot.SaveServerAsync(s => s with { ChannelProblem = "forbidden", AdminNoticePending = true });

        await bot.CommandAsync(admin, CommandCatalog.Setup, (CommandCatalog.ChannelOption, "602"));

        var saved = await bot.Servers.FindAsync(admin.Server);
        Assert.Equal(("602", null, false), (saved!.AnnouncementChannelId, saved.ChannelProblem, saved.AdminNoticePending));
    }

    [Fact]
    public async Task Setup_InDirectMessage_IsRefused()
    {
        var reply = await bot.CommandAsync(BotHarness.Admin(guild: ""), CommandCatalog.Setup, (CommandCatalog.ChannelOption, "602"));

        Assert.Contains("not in a direct message", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.Servers.ListAsync());
    }
}
