using PetitionBot.Fakes.Discord;
using PetitionBot.Tests.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.VerifiedSigners;

/// <summary>/unsign and /mydata from another platform reach a signature verified with an address, after the address is
/// proven again.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class CrossAccountTests
{
    private const string Ana = "600000000000000601";
    private const string Address = "ana@" + VerifiedSignerRig.Domain;

    [Fact]
    public async Task Unsign_OnDiscordAfterProvingTheAddress_WithdrawsTheSlackSignature()
    {
        await using var rig = await VerifiedSignerRig.StartAsync(slackUsers: "U0ANA");
        await SignOnSlackAsync(rig);

        var start = await InteractAsync(rig.Discord, FakeDiscordInteractions.SlashCommand(rig.Discord, Guild, Ana, "unsign"));
        Assert.Contains("not signed this petition from this account", Text(start["data"]), StringComparison.Ordinal);
        var form = await rig.Press(Ana, start, "test"); // "Signed from another account? Prove your school email" (ap:u:test)
        Assert.Equal(9, form["type"]!.GetValue<int>());
        var sent = await rig.ResolvedAsync(FakeDiscordInteractions.ModalSubmit(rig.Discord, Guild, Ana, form["data"]!["custom_id"]!.GetValue<string>(),
            new Dictionary<string, string> { ["email"] = Address }));
        var proven = await rig.DiscordEnterCodeAsync(Ana, sent, rig.CodeFor(Address));

        Assert.Contains("This address signed on Slack on ", Text(proven["data"]), StringComparison.Ordinal);
        var done = await rig.Press(Ana, proven, "withdraw");

        Assert.Contains("deleted", Text(done["data"]), StringComparison.Ordinal);
        Assert.Null(await rig.Signatures.FindAsync("test", $"slack:{VerifiedSignerRig.Team}:U0ANA"));
        Assert.Equal(0, (await rig.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
    }

    [Fact]
    public async Task MyData_OnDiscordAfterProvingTheAddress_ShowsTheSlackSignature()
    {
        await using var rig = await VerifiedSignerRig.StartAsync(slackUsers: "U0ANA");
        await SignOnSlackAsync(rig);

        var show = await InteractAsync(rig.Discord, FakeDiscordInteractions.SlashCommand(rig.Discord, Guild, Ana, "mydata"));
        var form = await rig.Press(Ana, show, "all");
        var sent = await rig.ResolvedAsync(FakeDiscordInteractions.ModalSubmit(rig.Discord, Guild, Ana, form["data"]!["custom_id"]!.GetValue<string>(),
            new Dictionary<string, string> { ["email"] = Address }));
        var proven = await rig.DiscordEnterCodeAsync(Ana, sent, rig.CodeFor(Address));

        var text = Text(proven["data"]);
        Assert.Contains("on Slack", text, StringComparison.Ordinal);
        Assert.Contains($"verified by school email ({VerifiedSignerRig.Domain})", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Address, text, StringComparison.Ordinal);
    }

    private static async Task SignOnSlackAsync(VerifiedSignerRig rig)
    {
        var preview = await rig.SlackPreviewAsync("U0ANA");
        var addressView = await rig.SlackOpenAsync("U0ANA", preview, "verify", "sgf:");
        var (_, sent) = await rig.SlackSubmitAsync("U0ANA", addressView, "email", Address);
        var codeView = await rig.SlackOpenAsync("U0ANA", sent!, "code", "sgf:");
        var (_, done) = await rig.SlackSubmitAsync("U0ANA", codeView, "code", rig.CodeFor(Address));
        Assert.Contains("Signed — you are the first to sign", done!.Text, StringComparison.Ordinal);
    }
}
