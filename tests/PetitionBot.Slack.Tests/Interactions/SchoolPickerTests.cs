using PetitionBot.Core.Interactions;
using PetitionBot.Slack.BlockKit;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.Interactions;

/// <summary>The school picker on Slack: an external_select in the modal, options from block_suggestion (Socket Mode),
/// and the picked school id arriving as the field's value.</summary>
public sealed class SchoolPickerTests
{
    private const string Team = SlackAdapterHarness.TeamId;

    private static readonly FormSpec SignForm = new("form:sign:abc", "Sign the petition",
    [
        new FormField("name", "Full name", 100),
        new FormField("school", "School", 100, Kind: FormFieldKind.School, Value: "ucsf", ValueLabel: "University of California, San Francisco School of Medicine"),
    ]);

    [Fact]
    public void ModalView_SchoolField_IsExternalSelectWithInitialOption()
    {
        var view = SlackWire.Json(BlockKitRenderer.ModalView(SignForm, "C1"));

        var element = view["blocks"]!.AsArray()[1]!["element"]!;
        Assert.Equal("external_select", element["type"]!.GetValue<string>());
        Assert.Equal("school", element["action_id"]!.GetValue<string>());
        Assert.InRange(element["min_query_length"]!.GetValue<int>(), 1, 2);
        Assert.Equal("ucsf", element["initial_option"]!["value"]!.GetValue<string>());
        Assert.True(element["initial_option"]!["text"]!["text"]!.GetValue<string>().Length <= 75);
        Assert.Null(element["max_length"]);
        Assert.Equal("plain_text_input", view["blocks"]!.AsArray()[0]!["element"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task BlockSuggestion_SocketMode_AckCarriesOptionsFromTheCore()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        h.Bot.Suggester = input => Enumerable.Range(0, 30).Select(i => new Suggestion($"id{i}", new string('x', 80) + i)).ToList();
        await h.Slack.WaitForConnectionAsync();

        var ack = await h.Slack.SendBlockSuggestionAsync(Team, "U0STUDENT", "school", "ucs");

        var options = ack.Payload!["options"]!.AsArray();
        Assert.Equal(SuggestInput.Max, options.Count);
        Assert.Equal("id0", options[0]!["value"]!.GetValue<string>());
        Assert.Equal("plain_text", options[0]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal(75, options[0]!["text"]!["text"]!.GetValue<string>().Length);
        var input = Assert.Single(h.Bot.Suggests);
        Assert.Equal(("school", "ucs", Team, "U0STUDENT"), (input.Field, input.Query, input.Actor.ServerId, input.Actor.UserId));
        Assert.Empty(h.Bot.Inputs);
    }

    [Fact]
    public async Task ViewSubmission_ExternalSelect_SelectedOptionValueIsTheFieldValue()
    {
        await using var h = await SlackAdapterHarness.StartAsync();
        await h.Slack.WaitForConnectionAsync();

        await h.Slack.SendViewSubmissionAsync(Team, "U0STUDENT", "form:sign:abc",
            new Dictionary<string, string> { ["name"] = "Ana Lopez", ["school"] = "ucsf" }, "C1", externalSelects: ["school"]);

        await Fakes.Slack.FakeSlackServer.WaitUntilAsync(() => h.Bot.Inputs.Count > 0);
        var form = Assert.IsType<FormInput>(Assert.Single(h.Bot.Inputs));
        Assert.Equal("ucsf", form.Fields["school"]);
    }
}
