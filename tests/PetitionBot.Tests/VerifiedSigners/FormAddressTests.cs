using System.Text.Json.Nodes;
using PetitionBot.Core.Storage;
using PetitionBot.Fakes.Discord;
using PetitionBot.Tests.Discord;
using PetitionBot.Tests.Slack;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.VerifiedSigners;

/// <summary>The school email typed in the sign form itself, end to end on the fake Discord (a text input of the modal)
/// and the fake Slack (an optional input block of the view): the code is mailed when the form is submitted, so the
/// signer goes form → "Enter code" → code, with no "Verify" press and no address form.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class FormAddressTests
{
    private const string Ana = "600000000000000531";
    private const string Address = "ana.form@" + VerifiedSignerRig.Domain;

    [Fact]
    public async Task SignForm_AddressTypedOnDiscord_CodeMailedAtOnceAndSlackRefusesTheSameAddress()
    {
        await using var rig = await VerifiedSignerRig.StartAsync(slackUsers: "U0FORM");
        var start = await InteractAsync(rig.Discord, FakeDiscordInteractions.SlashCommand(rig.Discord, Guild, Ana, "sign"));
        var form = await rig.Press(Ana, await rig.Press(Ana, start, "r0"), "named");
        var input = TextInputs(form).Single(i => i["custom_id"]!.GetValue<string>() == "email");
        Assert.False(input["required"]!.GetValue<bool>());

        var reply = await rig.ResolvedAsync(FakeDiscordInteractions.ModalSubmit(rig.Discord, Guild, Ana, form["data"]!["custom_id"]!.GetValue<string>(),
            new Dictionary<string, string> { ["name"] = "Ana Form", ["school"] = "UC Davis", ["stage"] = "MS3", ["email"] = Address }));
        var sent = HasButton(reply, "sother") ? await rig.Press(Ana, reply, "sother") : reply;

        Assert.Contains("Name: Ana Form", Text(sent["data"]), StringComparison.Ordinal);
        Assert.Contains("We sent a 6-digit code to " + Address, Text(sent["data"]), StringComparison.Ordinal);
        var done = await rig.DiscordEnterCodeAsync(Ana, sent, rig.CodeFor(Address));
        Assert.Contains($"Verified by school email ({VerifiedSignerRig.Domain})", Text(done["data"]), StringComparison.Ordinal);
        Assert.Equal(Verification.SchoolEmail, (await rig.Signatures.FindAsync("test", "discord:" + Ana))!.Verification);
        AssertBodiesMatchOpenApi(rig.Discord);

        // The same person on Slack, the address typed in the view's optional email input: refused after the code.
        var skip = rig.Slack.MessagesFor(VerifiedSignerRig.Team, "U0FORM").Count;
        await rig.Slack.SendSlashCommandAsync(VerifiedSignerRig.Team, "U0FORM", "/sign");
        var prompt = await rig.NextAsync("U0FORM", skip, m => SlackHost.ButtonToken(m, "r0") is not null);
        var naming = await rig.SlackPressAsync("U0FORM", prompt, "r0", m => SlackHost.ButtonToken(m, "named") is not null);
        var views = rig.Slack.Views.Count;
        var view = await rig.SlackOpenAsync("U0FORM", naming, "named", "sgf:");
        var emailBlock = rig.Slack.Views.Skip(views).Last().View["blocks"]!.AsArray().Single(b => b?["block_id"]?.GetValue<string>() == "email");
        Assert.True(emailBlock!["optional"]!.GetValue<bool>());
        var school = await rig.SlackPickSchoolAsync("U0FORM", view, "UC Davis");
        skip = rig.Slack.MessagesFor(VerifiedSignerRig.Team, "U0FORM").Count;
        await rig.Slack.SendViewSubmissionAsync(VerifiedSignerRig.Team, "U0FORM", view,
            new Dictionary<string, string> { ["name"] = "Ana Form", ["school"] = school, ["stage"] = "MS3", ["email"] = Address }, externalSelects: ["school"]);
        var slackReply = await rig.NextAsync("U0FORM", skip, m => SlackHost.ButtonToken(m, "code") is not null || SlackHost.ButtonToken(m, "sother") is not null);
        var slackSent = SlackHost.ButtonToken(slackReply, "sother") is not null
            ? await rig.SlackPressAsync("U0FORM", slackReply, "sother", m => SlackHost.ButtonToken(m, "code") is not null)
            : slackReply;
        Assert.Contains("We sent a 6-digit code to " + Address, slackSent.Text, StringComparison.Ordinal);
        var codeView = await rig.SlackOpenAsync("U0FORM", slackSent, "code", "sgf:");
        var (_, refused) = await rig.SlackSubmitAsync("U0FORM", codeView, "code", rig.CodeFor(Address));

        Assert.Contains("You already signed on Discord on", refused!.Text, StringComparison.Ordinal);
        Assert.Equal(1, (await rig.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
    }

    [Fact]
    public async Task SignForm_WrongDomainOnDiscord_RefusedWithoutMailThenSkipSignsSelfAttested()
    {
        await using var rig = await VerifiedSignerRig.StartAsync();
        var start = await InteractAsync(rig.Discord, FakeDiscordInteractions.SlashCommand(rig.Discord, Guild, Ana, "sign"));
        var form = await rig.Press(Ana, await rig.Press(Ana, start, "r0"), "named");

        var reply = await rig.ResolvedAsync(FakeDiscordInteractions.ModalSubmit(rig.Discord, Guild, Ana, form["data"]!["custom_id"]!.GetValue<string>(),
            new Dictionary<string, string> { ["name"] = "Ana Form", ["school"] = "UC Davis", ["stage"] = "MS3", ["email"] = "ana@gmail.com" }));
        var refused = HasButton(reply, "sother") ? await rig.Press(Ana, reply, "sother") : reply;

        Assert.Contains("That address is not at a domain we accept for", Text(refused["data"]), StringComparison.Ordinal);
        Assert.False(Directory.Exists(rig.MailDirectory) && Directory.GetFiles(rig.MailDirectory).Length > 0);
        var done = await rig.Press(Ana, refused, "skip");
        Assert.Contains("Signed", Text(done["data"]), StringComparison.Ordinal);
        Assert.Equal(Verification.SelfAttested, (await rig.Signatures.FindAsync("test", "discord:" + Ana))!.Verification);
    }

    private static IEnumerable<JsonNode> TextInputs(JsonNode modal) =>
        modal["data"]!["components"]!.AsArray().Select(label => label!["component"]!);
}
