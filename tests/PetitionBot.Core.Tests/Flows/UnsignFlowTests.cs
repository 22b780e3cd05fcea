using PetitionBot.Core.Interactions;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

public sealed class UnsignFlowTests : IDisposable
{
    private readonly BotHarness bot = new();
    private readonly Model.Actor student = BotHarness.Student();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Unsign_Confirmed_DeletesSignatureAndTotalsDrop()
    {
        await bot.SignAsync(student);
        await bot.SignAsync(BotHarness.Student("1002"), named: false);
        var start = await bot.CommandAsync(student, CommandCatalog.Unsign);

        var reply = await bot.PressAsync(student, start, "Withdraw my signature");

        Assert.Contains("deleted", reply.Text, StringComparison.Ordinal);
        Assert.Null(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
        var stats = await bot.StatsAsync();
        Assert.Equal((1, 0), (stats.Total, stats.Named));
    }

    [Fact]
    public async Task Unsign_KeepIt_ChangesNothing()
    {
        await bot.SignAsync(student);
        var start = await bot.CommandAsync(student, CommandCatalog.Unsign);

        await bot.PressAsync(student, start, "Keep it");

        Assert.NotNull(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
        Assert.Equal(1, (await bot.StatsAsync()).Total);
    }

    [Fact]
    public async Task Unsign_NotSigned_SaysNothingToWithdraw()
    {
        var reply = await bot.CommandAsync(student, CommandCatalog.Unsign);

        Assert.Contains("have not signed", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Choices);
    }

    [Fact]
    public async Task Unsign_ThenSignAgain_CountsOnce()
    {
        await bot.SignAsync(student);
        await bot.PressAsync(student, await bot.CommandAsync(student, CommandCatalog.Unsign), "Withdraw my signature");

        var again = await bot.SignAsync(student, named: false);

        Assert.StartsWith("Signed — you are the first to sign", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsign_AnotherUserPressesTheButton_RemovesOnlyTheirOwn()
    {
        await bot.SignAsync(student);
        var start = await bot.CommandAsync(student, CommandCatalog.Unsign);

        var reply = await bot.PressAsync(BotHarness.Student("1002"), start, "Withdraw my signature");

        Assert.Contains("no signature", reply.Text, StringComparison.Ordinal);
        Assert.NotNull(await bot.Signatures.FindAsync(BotHarness.CampaignId, student.IdentityKey));
    }
}
