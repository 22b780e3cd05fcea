using System.Text.Json.Nodes;
using PetitionBot.Core.Schools;
using PetitionBot.Fakes.Discord;
using PetitionBot.Tests.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.VerifiedSigners;

/// <summary>The school picker on Discord, end to end with the real core: <c>/sign school:</c> autocomplete (interaction
/// type 4) lists the directory's schools and ends with "Other: …", and the picked Other value signs with the typed text.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class DiscordSchoolPickerTests
{
    private const string Ana = "600000000000000801";

    [Fact]
    public async Task Sign_OtherPickedFromTheAutocomplete_SignsWithTheTypedText()
    {
        await using var rig = await VerifiedSignerRig.StartAsync();

        var answer = await InteractAsync(rig.Discord, FakeDiscordInteractions.Autocomplete(rig.Discord, Guild, Ana, "sign", "school", "Bayside Institute of Medicine"));

        Assert.Equal(8, answer["type"]!.GetValue<int>());
        var other = answer["data"]!["choices"]!.AsArray().Last()!;
        Assert.Equal("other:Bayside Institute of Medicine", other["value"]!.GetValue<string>());
        Assert.StartsWith("Other: Bayside Institute of Medicine", other["name"]!.GetValue<string>(), StringComparison.Ordinal);

        var start = await InteractAsync(rig.Discord, FakeDiscordInteractions.SlashCommand(rig.Discord, Guild, Ana, "sign",
            new Dictionary<string, JsonNode?> { ["school"] = other["value"]!.GetValue<string>() }));
        var form = await rig.Press(Ana, await rig.Press(Ana, start, "r0"), "named");
        var preview = await rig.ResolvedAsync(FakeDiscordInteractions.ModalSubmit(rig.Discord, Guild, Ana, form["data"]!["custom_id"]!.GetValue<string>(),
            new Dictionary<string, string> { ["name"] = "Ana Lopez", ["school"] = "Bayside Institute of Medicine", ["stage"] = "MS2" }));

        Assert.Contains("Bayside Institute of Medicine (not in our list", Text(preview["data"]), StringComparison.Ordinal);
        var done = await rig.Press(Ana, preview, "skip");
        Assert.Contains("Signed", Text(done["data"]), StringComparison.Ordinal);
        var stored = await rig.Signatures.FindAsync("test", "discord:" + Ana);
        Assert.Equal(("Bayside Institute of Medicine", School.OtherId), (stored!.School, stored.SchoolId));
        AssertBodiesMatchOpenApi(rig.Discord);
    }

    [Fact]
    public async Task Autocomplete_AliasOfOneSchool_ThatSchoolFirstAndNoOther()
    {
        await using var rig = await VerifiedSignerRig.StartAsync();

        var answer = await InteractAsync(rig.Discord, FakeDiscordInteractions.Autocomplete(rig.Discord, Guild, Ana, "sign", "school", "UCSF School of Medicine"));

        var choices = answer["data"]!["choices"]!.AsArray();
        Assert.Equal("ucsf", choices[0]!["value"]!.GetValue<string>());
        Assert.DoesNotContain(choices, c => c!["value"]!.GetValue<string>().StartsWith(OtherSchoolValue.Prefix, StringComparison.Ordinal));
    }
}
