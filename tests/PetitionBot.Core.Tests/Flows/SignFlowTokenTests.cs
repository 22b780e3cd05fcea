using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Tests.Support;
using PetitionBot.Storage;

namespace PetitionBot.Core.Tests.Flows;

/// <summary>The sign flow's first steps carry their state in MAC'd tokens, not in a draft: forged tokens are refused,
/// the next step works on a fresh process, and a plain flow writes at most twice.</summary>
public sealed class SignFlowTokenTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "pb-core-" + Guid.NewGuid().ToString("N"));
    private readonly Model.Actor student = BotHarness.Student();

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Press_AnotherUsersRoleButton_SaysExpiredAndSignsNothing()
    {
        using var bot = new BotHarness();
        var start = await bot.CommandAsync(student, CommandCatalog.Sign);
        var thief = BotHarness.Student("6666");

        var naming = await bot.PressAsync(thief, start, "Medical student");

        Assert.Contains("expired", naming.Text, StringComparison.Ordinal);
        Assert.Empty(naming.Choices);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, thief.IdentityKey));
    }

    [Fact]
    public async Task Submit_AnotherUsersForm_SaysExpiredAndSignsNothing()
    {
        using var bot = new BotHarness();
        var form = await bot.FormAsync(student);
        var thief = BotHarness.Student("6666");

        var reply = await bot.SubmitAsync(thief, form, ("name", "Ana Lopez"), ("school", "UCSF School of Medicine"), ("stage", "MS2"));

        Assert.Contains("expired", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await bot.LeftoverDraftsAsync(thief));
        Assert.Equal(0, await bot.LeftoverDraftsAsync(student));
    }

    [Fact]
    public async Task Press_RoleEditedInToken_SaysExpired()
    {
        using var bot = new BotHarness();
        var start = await bot.CommandAsync(student, CommandCatalog.Sign);
        var token = start.Choices.Single(c => c.Label == "Medical student").Token;
        Assert.EndsWith(":r0", token, StringComparison.Ordinal);

        var reply = await Press(bot, student, token[..^1] + "1");

        Assert.Contains("expired", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Choices);
    }

    [Fact]
    public async Task Press_NamingWithRoleEdited_SaysExpired()
    {
        using var bot = new BotHarness();
        var start = await bot.CommandAsync(student, CommandCatalog.Sign);
        var naming = await bot.PressAsync(student, start, "Medical student");
        var named = naming.Choices.Single(c => c.Label == "Sign with my name").Token.Split(':');
        Assert.Equal("0", named[3]);
        named[3] = "1";

        var reply = await Press(bot, student, string.Join(':', named));

        Assert.Contains("expired", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Form);
    }

    [Fact]
    public async Task Press_TokenMovedToAnotherCampaign_SaysExpired()
    {
        using var bot = new BotHarness(o => o.Campaigns.Add(Other()));
        var start = await bot.CommandAsync(student, CommandCatalog.Sign, ("campaign", BotHarness.CampaignId));
        var token = start.Choices.Single(c => c.Label == "Medical student").Token;
        var naming = await Press(bot, student, token);
        var named = naming.Choices.Single(c => c.Label == "Sign with my name").Token;
        Assert.Contains(":" + BotHarness.CampaignId + ":", named, StringComparison.Ordinal);

        var moved = await Press(bot, student, named.Replace(":" + BotHarness.CampaignId + ":", ":other-campaign:", StringComparison.Ordinal));

        Assert.Contains("expired", moved.Text, StringComparison.Ordinal);
        Assert.Null(moved.Form);
    }

    [Fact]
    public async Task Press_AfterRoleChoice_NextStepOnAFreshProcessSigns()
    {
        var storage = new StorageOptions { Path = Path.Combine(directory, "bot.db") };
        Reply naming;
        using (var first = new BotHarness(storage: storage))
        {
            var start = await first.CommandAsync(student, CommandCatalog.Sign);
            naming = await first.PressAsync(student, start, "Medical student");
            first.Context.Dispose();
        }

        using var second = new BotHarness(storage: storage);
        var form = await second.PressAsync(student, naming, "Sign with my name");
        var confirm = await second.SubmitAsync(student, form, ("name", "Ana Lopez"), ("school", "UCSF School of Medicine"), ("stage", "MS2"));
        var done = await second.PressAsync(student, confirm, "Sign with my name");

        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
        var saved = await second.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey);
        Assert.Equal(("Ana Lopez", "Medical student"), (saved!.FullName, saved.Role));
        Assert.Equal(0, await second.LeftoverDraftsAsync(student));
    }

    [Fact]
    public async Task Sign_PlainFlow_TakesAtMostTwoWriteTransactions()
    {
        using var bot = new BotHarness();
        await bot.SignAsync(BotHarness.Student("1009"));
        var before = bot.Context.WriteTransactions;

        var done = await bot.SignAsync(student);

        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
        Assert.InRange(bot.Context.WriteTransactions - before, 1, 2);
        Assert.Equal(0, await bot.LeftoverDraftsAsync(student));
    }

    [Fact]
    public async Task Sign_SchoolPickedAsOther_TakesAtMostTwoWriteTransactions()
    {
        using var bot = new BotHarness();
        await bot.SignAsync(BotHarness.Student("1009"));
        var before = bot.Context.WriteTransactions;

        var confirm = await bot.FillAsync(student, school: "Escuela Latinoamericana de Medicina");
        var done = await bot.PressAsync(student, confirm, "Sign with my name");

        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
        Assert.Equal("Escuela Latinoamericana de Medicina", (await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey))!.School);
        Assert.InRange(bot.Context.WriteTransactions - before, 1, 2);
        Assert.Equal(0, await bot.LeftoverDraftsAsync(student));
    }

    [Fact]
    public async Task Tokens_LongestCampaignId_StayWithinTheTokenLimit()
    {
        const string longId = "abcdefghijklmnopqrstuvwxyz012345";
        using var bot = new BotHarness(o => o.Campaigns[0].Id = longId);
        var start = await bot.CommandAsync(student, CommandCatalog.Sign);
        var naming = await bot.PressAsync(student, start, "Medical student");
        var form = await bot.PressAsync(student, naming, "Count me, withhold my name");
        var ask = await bot.SubmitAsync(student, form, ("school", "Escuela Latinoamericana de Medicina"), ("stage", "MS2"));
        var confirm = await bot.PressAsync(student, ask, "Other — keep what I typed");

        var tokens = start.Choices.Concat(naming.Choices).Concat(confirm.Choices).Select(c => c.Token).Append(form.Form!.Token).ToList();
        Assert.All(tokens, t => Assert.InRange(t.Length, 1, Choice.MaxTokenLength));
        Assert.StartsWith("Signed", (await bot.PressAsync(student, confirm, "Sign, counted only")).Text, StringComparison.Ordinal);
    }

    private static Task<Reply> Press(BotHarness bot, Model.Actor actor, string token) =>
        bot.Bot.HandleAsync(ChoiceInput.Button(actor, BotHarness.ChannelId, token));

    private static CampaignDefinition Other()
    {
        var other = BotHarness.DefaultCampaign();
        other.Id = "other-campaign";
        other.Title = "Another petition";
        return other;
    }
}
