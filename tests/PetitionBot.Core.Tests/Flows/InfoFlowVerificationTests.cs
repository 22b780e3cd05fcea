using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

/// <summary>What organizers and everyone see once signatures are verified in different ways: /totals counts by method,
/// overall and per school; /petition says how many are verified by school email.</summary>
public sealed class InfoFlowVerificationTests : IDisposable
{
    private const string Address = "ana.lopez@ucsf.edu";
    private readonly BotHarness bot = new(o => o.Campaigns[0].Verification = "email");

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Totals_OrganizerWithEveryMethod_CountsByMethodOverallAndPerSchool()
    {
        await SignMixedAsync();

        var reply = await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Totals);

        Assert.Contains("Total 4 (", reply.Text, StringComparison.Ordinal);
        Assert.Contains("By verification:\n  school email: 1\n  server role: 1\n  self-attested: 2\n", reply.Text, StringComparison.Ordinal);
        Assert.Contains(BotHarness.Ucsf + " (1 school email, 1 server role, 1 self-attested): 3", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Harvard Medical School (1 self-attested): 1", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Petition_OneVerifiedBySchoolEmail_SaysSo()
    {
        await SignMixedAsync();

        var reply = await bot.CommandAsync(BotHarness.Student("2001"), CommandCatalog.Petition);

        Assert.Contains("4 signatures so far, 1 verified by school email.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Petition_NoneVerifiedBySchoolEmail_SaysNothingOfIt()
    {
        await SkipAsync(BotHarness.Student("1"), "UCSF", "Skip — sign self-attested");

        var reply = await bot.CommandAsync(BotHarness.Student("2001"), CommandCatalog.Petition);

        Assert.Contains("1 signature so far.", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("verified", reply.Text, StringComparison.Ordinal);
    }

    /// <summary>At UCSF: one by school email, one by the server's role, one self-attested; at Harvard one self-attested.</summary>
    private async Task SignMixedAsync()
    {
        await bot.SaveServerAsync(s => s with { VerifiedRoleId = BotHarness.VerifiedRoleId });

        var ana = BotHarness.Student("1");
        var sent = await bot.SubmitAsync(ana, await bot.PressAsync(ana, await bot.FillAsync(ana, school: "UCSF"), "Verify my school email"), ("email", Address));
        Assert.StartsWith("Signed", (await bot.SubmitAsync(ana, await bot.PressAsync(ana, sent, "Enter code"), ("code", bot.Mailer.LastCode))).Text, StringComparison.Ordinal);

        await SkipAsync(BotHarness.Student("2", BotHarness.GuildId, BotHarness.VerifiedRoleId), "UCSF", "Skip — sign verified by server role");
        await SkipAsync(BotHarness.Student("3"), "UCSF", "Skip — sign self-attested");
        await SkipAsync(BotHarness.Student("4"), "Harvard Medical School", "Skip — sign self-attested");
    }

    private async Task SkipAsync(Actor actor, string school, string skip)
    {
        var done = await bot.PressAsync(actor, await bot.FillAsync(actor, school: school), skip);
        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
    }
}
