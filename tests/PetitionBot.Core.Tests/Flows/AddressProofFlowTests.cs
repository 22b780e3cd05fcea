using PetitionBot.Core.Email;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

/// <summary>/unsign and /mydata from another account reach a signature verified with an address once it is proven again.</summary>
public sealed class AddressProofFlowTests : IDisposable
{
    private const string Address = "ana@ucsf.edu";
    private readonly BotHarness bot = new(o => o.Campaigns[0].Verification = "email");
    private readonly Actor discord = BotHarness.Student();
    private readonly Actor slack = new(PlatformKind.Slack, "T1", "U1", [], false, "slack:T1:U1");

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Unsign_FromOtherPlatformAfterProvingTheAddress_DeletesTheSignature()
    {
        await SignVerifiedAsync(discord);
        var start = await bot.CommandAsync(slack, CommandCatalog.Unsign);
        Assert.Contains("not signed this petition from this account", start.Text, StringComparison.Ordinal);

        var form = await bot.PressAsync(slack, start, "Signed from another account? Prove your school email");
        var sent = await bot.SubmitAsync(slack, form, ("email", Address));
        Assert.DoesNotContain("Discord", sent.Text, StringComparison.Ordinal);
        Assert.Equal(VerificationPurpose.Unsign, bot.Mailer.Sent.Last().Purpose);
        var proven = await bot.SubmitAsync(slack, await bot.PressAsync(slack, sent, "Enter code"), ("code", bot.Mailer.LastCode));

        Assert.StartsWith("This address signed on Discord on March 10, 2026. Withdraw that signature?", proven.Text, StringComparison.Ordinal);
        var done = await bot.PressAsync(slack, proven, "Withdraw my signature");

        Assert.Contains("deleted", done.Text, StringComparison.Ordinal);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, discord.IdentityKey));
        Assert.Equal(0, (await bot.StatsAsync()).Total);
        Assert.Equal(0, await bot.LeftoverDraftsAsync(slack));
    }

    [Fact]
    public async Task Unsign_WrongCode_RevealsNothingAndDeletesNothing()
    {
        await SignVerifiedAsync(discord);
        var start = await bot.CommandAsync(slack, CommandCatalog.Unsign);
        var sent = await bot.SubmitAsync(slack, await bot.PressAsync(slack, start, AddressProofFlow.ChoiceLabel), ("email", Address));
        var wrong = bot.Mailer.LastCode == "000000" ? "111111" : "000000";

        var reply = await bot.SubmitAsync(slack, await bot.PressAsync(slack, sent, "Enter code"), ("code", wrong));

        Assert.Equal("That code is not right; you have 4 tries left.", reply.FieldErrors["code"]);
        Assert.DoesNotContain(reply.Choices, c => c.Label == "Withdraw my signature");
        Assert.NotNull(await bot.Signatures.FindAsync(BotHarness.CampaignId, discord.IdentityKey));
    }

    [Fact]
    public async Task Unsign_ForgedWithdrawBeforeProof_IsExpired()
    {
        await SignVerifiedAsync(discord);
        var start = await bot.CommandAsync(slack, CommandCatalog.Unsign);
        var sent = await bot.SubmitAsync(slack, await bot.PressAsync(slack, start, AddressProofFlow.ChoiceLabel), ("email", Address));
        var draftId = sent.Choices[0].Token.Split(':')[1];

        var reply = await bot.Bot.HandleAsync(ChoiceInput.Button(slack, null, $"ap:{draftId}:withdraw"));

        Assert.Contains("expired", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(await bot.Signatures.FindAsync(BotHarness.CampaignId, discord.IdentityKey));
    }

    [Fact]
    public async Task Unsign_CampaignWithoutVerification_OffersNoProof()
    {
        using var plain = new BotHarness();

        var reply = await plain.CommandAsync(slack, CommandCatalog.Unsign);

        Assert.Equal("You have not signed this petition, so there is nothing to withdraw.", reply.Text);
        Assert.Empty(reply.Choices);
    }

    [Fact]
    public async Task MyData_FromOtherPlatformAfterProvingTheAddress_ShowsAndDeletes()
    {
        await SignVerifiedAsync(discord);
        var show = await bot.CommandAsync(slack, CommandCatalog.MyData);
        Assert.Contains("no signature", show.Text, StringComparison.Ordinal);

        var sent = await bot.SubmitAsync(slack, await bot.PressAsync(slack, show, AddressProofFlow.ChoiceLabel), ("email", Address));
        Assert.Equal(VerificationPurpose.MyData, bot.Mailer.Sent.Last().Purpose);
        var proven = await bot.SubmitAsync(slack, await bot.PressAsync(slack, sent, "Enter code"), ("code", bot.Mailer.LastCode));

        Assert.Contains("signed March 10, 2026 on Discord", proven.Text, StringComparison.Ordinal);
        Assert.Contains("verified by school email (ucsf.edu)", proven.Text, StringComparison.Ordinal);
        Assert.Contains("Ana Lopez", proven.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Address, proven.Text, StringComparison.Ordinal);

        var done = await bot.PressAsync(slack, proven, "Delete these signatures");

        Assert.Equal("Deleted 1 signature(s) made with that address, and their data.", done.Text);
        Assert.Empty(await bot.Signatures.FindAllAsync(discord.IdentityKey));
    }

    [Fact]
    public async Task MyData_ProvenAddressThatNeverSigned_SaysNothingStored()
    {
        var show = await bot.CommandAsync(slack, CommandCatalog.MyData);
        var sent = await bot.SubmitAsync(slack, await bot.PressAsync(slack, show, AddressProofFlow.ChoiceLabel), ("email", "nobody@ucsf.edu"));

        var proven = await bot.SubmitAsync(slack, await bot.PressAsync(slack, sent, "Enter code"), ("code", bot.Mailer.LastCode));

        Assert.Contains("no signature was verified with it", proven.Text, StringComparison.Ordinal);
        Assert.Equal(0, await bot.LeftoverDraftsAsync(slack));
    }

    [Fact]
    public async Task Proof_AnotherPersonsDraft_IsNotTheirs()
    {
        await SignVerifiedAsync(discord);
        var start = await bot.CommandAsync(slack, CommandCatalog.Unsign);
        var sent = await bot.SubmitAsync(slack, await bot.PressAsync(slack, start, AddressProofFlow.ChoiceLabel), ("email", Address));
        var intruder = BotHarness.Student("9999");

        var reply = await bot.SubmitAsync(intruder, await bot.PressAsync(slack, sent, "Enter code"), ("code", bot.Mailer.LastCode));

        Assert.Contains("not yours", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(await bot.Signatures.FindAsync(BotHarness.CampaignId, discord.IdentityKey));
    }

    private async Task SignVerifiedAsync(Actor actor)
    {
        var addressForm = await bot.PressAsync(actor, await bot.FillAsync(actor, school: "UCSF"), "Verify my school email");
        var sent = await bot.SubmitAsync(actor, addressForm, ("email", Address));
        var done = await bot.SubmitAsync(actor, await bot.PressAsync(actor, sent, "Enter code"), ("code", bot.Mailer.LastCode));
        Assert.StartsWith("Signed", done.Text, StringComparison.Ordinal);
        Assert.Equal(Verification.SchoolEmail, (await bot.Signatures.FindAsync(BotHarness.CampaignId, actor.IdentityKey))!.Verification);
    }
}
