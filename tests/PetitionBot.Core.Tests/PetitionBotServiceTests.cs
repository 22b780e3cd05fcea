using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests;

public sealed class PetitionBotServiceTests : IDisposable
{
    private readonly BotHarness bot = new();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task HandleAsync_AdminWithPendingChannelNotice_GetsItOnce()
    {
        await bot.SaveServerAsync(s => s with { ChannelProblem = "forbidden", AdminNoticePending = true });
        var admin = BotHarness.Admin();

        var student = await bot.CommandAsync(BotHarness.Student(), CommandCatalog.Petition);
        var first = await bot.CommandAsync(admin, CommandCatalog.Petition);
        var second = await bot.CommandAsync(admin, CommandCatalog.Petition);

        Assert.DoesNotContain("Note for admins", student.Text, StringComparison.Ordinal);
        Assert.StartsWith("Note for admins", first.Text, StringComparison.Ordinal);
        Assert.Contains("forbidden", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Note for admins", second.Text, StringComparison.Ordinal);
        var saved = await bot.Servers.FindAsync(admin.Server);
        Assert.Equal(("forbidden", false, BotHarness.ChannelId), (saved!.ChannelProblem, saved.AdminNoticePending, saved.AnnouncementChannelId));
    }

    [Fact]
    public async Task HandleAsync_AdminSetupWhileNoticePending_KeepsTheNewChannel()
    {
        await bot.SaveServerAsync(s => s with { ChannelProblem = "forbidden", AdminNoticePending = true, School = "UCSF" });

        await bot.CommandAsync(BotHarness.Admin(), CommandCatalog.Setup, (CommandCatalog.ChannelOption, "605"));

        var saved = await bot.Servers.FindAsync(BotHarness.Admin().Server);
        Assert.Equal(("605", null, false, "UCSF"), (saved!.AnnouncementChannelId, saved.ChannelProblem, saved.AdminNoticePending, saved.School));
    }

    public static TheoryData<BotInput> Garbage()
    {
        var actor = BotHarness.Student();
        var huge = new string('x', 1_000_000);
        return new TheoryData<BotInput>
        {
            CommandInput.Create(actor, null, "frobnicate"),
            CommandInput.Create(actor, null, ""),
            CommandInput.Create(actor, null, huge),
            CommandInput.Create(actor, null, "sign", new Dictionary<string, string> { ["campaign"] = huge }),
            CommandInput.Create(actor, null, "setup", new Dictionary<string, string> { ["school"] = huge }),
            CommandInput.Create(BotHarness.Admin(), null, "setup", new Dictionary<string, string> { ["school"] = huge, [huge] = huge }),
            new CommandInput(actor, null, null!, null!),
            new CommandInput(actor, null, "sign", null!),
            ChoiceInput.Button(actor, null, ""),
            ChoiceInput.Button(actor, null, huge),
            ChoiceInput.Button(actor, null, "sg:" + huge),
            ChoiceInput.Button(actor, null, "us:sensitive-areas:yes:extra"),
            ChoiceInput.Button(actor, null, "us:nope:yes"),
            ChoiceInput.Button(actor, null, "md:confirm:x"),
            ChoiceInput.Button(actor, null, "upc:::"),
            ChoiceInput.Button(actor, null, "link:0000"),
            ChoiceInput.Button(actor, null, null!),
            new ChoiceInput(actor, null, "sg:abc:r0", null!),
            new FormInput(actor, null, "sgf:abc", new Dictionary<string, string> { ["name"] = huge }),
            new FormInput(actor, null, "upf:sensitive-areas:here", new Dictionary<string, string> { ["message"] = huge }),
            new FormInput(actor, null, huge, null!),
            new FormInput(actor, null, "sgf:abc", null!),
            new FormInput(new Actor(PlatformKind.Slack, null!, null!, null!, false, "slack::"), null, "sgf:abc", null!),
            new CommandInput(new Actor((PlatformKind)99, "\u0000", "\u202E", [], true, "console:\u202E"), "\uD800", "sign", new Dictionary<string, string>()),
            new CommandInput(new Actor(PlatformKind.Discord, "1", "2", null!, true, "discord:2"), null, "totals", new Dictionary<string, string>()),
            new CommandInput(null!, null, "sign", new Dictionary<string, string>()),
        };
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public async Task HandleAsync_GarbageInput_RepliesWithoutThrowing(BotInput input)
    {
        var reply = await bot.Bot.HandleAsync(input);

        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.True(reply.Text.Length < 5000);
        Assert.Equal(0, (await bot.StatsAsync()).Total);
    }

    [Fact]
    public async Task HandleAsync_NullInput_RepliesWithoutThrowing()
    {
        var reply = await bot.Bot.HandleAsync(null!);

        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
    }

    [Fact]
    public async Task HandleAsync_UnknownCommand_ListsCommands()
    {
        var reply = await bot.CommandAsync(BotHarness.Student(), "frobnicate");

        Assert.StartsWith("Unknown command.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/sign", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_UnknownCampaignOption_NamesTheCampaigns()
    {
        var reply = await bot.CommandAsync(BotHarness.Student(), CommandCatalog.Sign, (CommandCatalog.CampaignOption, "nope"));

        Assert.Contains("no campaign called \"nope\"", reply.Text, StringComparison.Ordinal);
        Assert.Contains(BotHarness.CampaignId, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkspaceLeftAsync_ThenJoined_TogglesPresent()
    {
        var server = new ServerRef(PlatformKind.Discord, BotHarness.GuildId);
        await bot.Bot.ServerJoinedAsync(server, "LMSA");
        await bot.Bot.ServerLeftAsync(server);
        Assert.False((await bot.Servers.FindAsync(server))!.Present);

        await bot.Bot.ServerJoinedAsync(server, null);

        var saved = await bot.Servers.FindAsync(server);
        Assert.Equal((true, "LMSA"), (saved!.Present, saved.Name));
    }

    [Fact]
    public async Task HandleAsync_ConsoleActors_SignSeparately()
    {
        var a = new Actor(PlatformKind.Console, "local", "a", [], false, "console:a");
        var b = new Actor(PlatformKind.Console, "local", "b", [], false, "console:b");

        await bot.SignAsync(a);
        await bot.SignAsync(b);

        Assert.Equal(2, (await bot.StatsAsync()).Total);
        Assert.Equal(Verification.SelfAttested, (await bot.Signatures.FindAsync(BotHarness.CampaignId, a.IdentityKey))!.Verification);
    }
}
