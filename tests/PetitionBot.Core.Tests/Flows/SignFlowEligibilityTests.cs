using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

/// <summary>Who may sign and when: closed campaigns, the server's verified role and strict mode, the role chosen.</summary>
public sealed class SignFlowEligibilityTests : IDisposable
{
    private readonly BotHarness bot = new();
    private readonly Model.Actor student = BotHarness.Student();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Sign_ClosedCampaign_SaysClosed()
    {
        using var closed = new BotHarness(o => o.Campaigns[0].ClosesAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

        var reply = await closed.CommandAsync(student, CommandCatalog.Sign);

        Assert.Contains("closed on March 1, 2026", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Choices);
        Assert.Equal(0, await closed.LeftoverDraftsAsync(student));
    }

    [Fact]
    public async Task Confirm_CampaignClosedMeanwhile_SaysClosedAndSavesNothing()
    {
        using var closing = new BotHarness(o => o.Campaigns[0].ClosesAt = new DateTimeOffset(2026, 3, 10, 12, 5, 0, TimeSpan.Zero));
        var confirm = await closing.FillAsync(student);
        closing.Time.Advance(TimeSpan.FromMinutes(6));

        var reply = await closing.PressAsync(student, confirm, "Sign with my name");

        Assert.Contains("closed", reply.Text, StringComparison.Ordinal);
        Assert.Null(await closing.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
    }

    [Fact]
    public async Task Sign_StrictServerWithoutVerifiedRole_IsRefusedWithExplanation()
    {
        await bot.SaveServerAsync(s => s with { VerifiedRoleId = BotHarness.VerifiedRoleId, Strict = true });
        var start = await bot.CommandAsync(student, CommandCatalog.Sign);

        var reply = await bot.PressAsync(student, start, "Medical student");

        Assert.Null(reply.Form);
        Assert.Contains("verified role", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await bot.LeftoverDraftsAsync(student));
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
    }

    [Fact]
    public async Task Sign_WithVerifiedRole_IsRoleVerified()
    {
        await bot.SaveServerAsync(s => s with { VerifiedRoleId = BotHarness.VerifiedRoleId, Strict = true });
        var verified = BotHarness.Student("1002", BotHarness.GuildId, BotHarness.VerifiedRoleId);

        await bot.SignAsync(verified);

        var saved = await bot.Signatures.FindAsync(BotHarness.CampaignId, verified.IdentityKey);
        Assert.Equal(Verification.RoleVerified, saved!.Verification);
    }

    [Fact]
    public async Task Sign_NonStrictServerWithoutVerifiedRole_IsSelfAttested()
    {
        await bot.SaveServerAsync(s => s with { VerifiedRoleId = BotHarness.VerifiedRoleId });

        await bot.SignAsync(student);

        Assert.Equal(Verification.SelfAttested, (await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey))!.Verification);
    }

    [Fact]
    public async Task Sign_ResidentRole_StoresTheRoleChosen()
    {
        var confirm = await bot.FillAsync(student, school: "UCSF", stage: "PGY-2", role: "Resident physician");

        await bot.PressAsync(student, confirm, "Sign with my name");

        var saved = await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey);
        Assert.Equal(("Resident physician", "PGY2"), (saved!.Role, saved.Stage));
    }
}
