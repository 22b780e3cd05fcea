using System.Text.Json;
using PetitionBot.Slack.Api;
using PetitionBot.Slack.Interactions;

namespace PetitionBot.Slack.Tests.Api;

/// <summary>Interactivity payloads read into records and mapped to what the core gets: state values of each element
/// type, missing optional members, and block/element types the adapter does not know.</summary>
public sealed class InteractivePayloadTests
{
    private static InteractivePayload Read(string json) => JsonSerializer.Deserialize(json, SlackJsonContext.Default.InteractivePayload)!;

    private static ViewSubmissionPayload Submission(string values) => Assert.IsType<ViewSubmissionPayload>(Read(
        """{"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1","team_id":"T1"},"view":{"id":"V1","callback_id":"form:1","state":{"values":"""
        + values + "}}}"));

    [Theory]
    [InlineData("""{"type":"plain_text_input","value":"Ana Lopez"}""", "Ana Lopez")]
    [InlineData("""{"type":"plain_text_input","value":null}""", "")]
    [InlineData("""{"type":"number_input","value":"42"}""", "42")]
    [InlineData("""{"type":"email_text_input","value":"a@example.org"}""", "a@example.org")]
    [InlineData("""{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"MS1"},"value":"ms1"}}""", "ms1")]
    [InlineData("""{"type":"static_select","selected_option":null}""", "")]
    [InlineData("""{"type":"external_select","selected_option":{"text":{"type":"plain_text","text":"UCSF"},"value":"ucsf"}}""", "ucsf")]
    [InlineData("""{"type":"radio_buttons","selected_option":{"text":{"type":"plain_text","text":"Yes"},"value":"yes"}}""", "yes")]
    [InlineData("""{"type":"multi_static_select","selected_options":[{"value":"a"},{"value":"b"}]}""", "")]
    [InlineData("""{"type":"datepicker","selected_date":"2026-12-04"}""", "")]
    [InlineData("""{"type":"some_future_input","rich_value":{"x":[1,2]}}""", "")]
    public void FieldsOf_StateValueOfEachElementType_FieldValue(string state, string expected)
    {
        var submission = Submission("""{"b1":{"field":""" + state + "}}");

        var fields = ViewSubmissionHandler.FieldsOf(submission.View);

        Assert.Equal(expected, Assert.Single(fields, f => f.Key == "field").Value);
    }

    [Fact]
    public void FieldsOf_SeveralBlocksAndInputs_EveryActionIdAField()
    {
        var submission = Submission("""{"name":{"name":{"type":"plain_text_input","value":"Ana"}},"extra":{"school":{"type":"external_select","selected_option":{"value":"ucsf"}},"note":{"type":"plain_text_input"}}}""");

        var fields = ViewSubmissionHandler.FieldsOf(submission.View);

        Assert.Equal(new Dictionary<string, string> { ["name"] = "Ana", ["school"] = "ucsf", ["note"] = "" }, fields);
    }

    [Theory]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"}}""")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1"}}""")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1","state":{}}}""")]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":{"id":"V1","state":{"values":{"b1":null}}}}""")]
    public void FieldsOf_StateMissing_NoFields(string json) =>
        Assert.Empty(ViewSubmissionHandler.FieldsOf(Assert.IsType<ViewSubmissionPayload>(Read(json)).View));

    [Fact]
    public void Read_ViewWithUnknownBlockAndElementTypes_Parsed()
    {
        // Blocks of the submitted view are not read: types the adapter never renders cannot break parsing.
        var payload = Assert.IsType<ViewSubmissionPayload>(Read("""
            {"type":"view_submission","team":{"id":"T1"},"user":{"id":"U1","team_id":"T1"},"trigger_id":"1.2",
             "view":{"id":"V1","type":"modal","callback_id":"form:1","private_metadata":"C9","hash":"h",
               "blocks":[{"type":"rich_text","elements":[{"type":"rich_text_section","elements":[]}]},
                         {"type":"input","block_id":"b1","element":{"type":"some_future_element","action_id":"a1"}}],
               "state":{"values":{"b1":{"a1":{"type":"some_future_element","value":"v"}}}}},
             "response_urls":[]}
            """));

        Assert.Equal(("form:1", "C9", "T1", "1.2"), (payload.View?.CallbackId, payload.View?.PrivateMetadata, payload.TeamId, payload.TriggerId));
        Assert.Equal("v", ViewSubmissionHandler.FieldsOf(payload.View)["a1"]);
    }

    [Theory]
    [InlineData("""{"type":"button","action_id":"elig:ms","value":"elig:ms"}""", "")]
    [InlineData("""{"type":"static_select","action_id":"menu","selected_option":{"text":{"type":"plain_text","text":"MS1"},"value":"ms1"}}""", "ms1")]
    [InlineData("""{"type":"multi_static_select","action_id":"menu","selected_options":[{"value":"a"},{"value":"b"}]}""", "a,b")]
    [InlineData("""{"type":"overflow","action_id":"menu","selected_option":{"value":"more"}}""", "more")]
    [InlineData("""{"type":"datepicker","action_id":"menu","selected_date":"2026-12-04"}""", "")]
    public void ValuesOf_ActionOfEachElementType_Values(string action, string expected)
    {
        var payload = Assert.IsType<BlockActionsPayload>(Read("""{"type":"block_actions","user":{"id":"U1"},"actions":[""" + action + "]}"));

        Assert.Equal(expected, string.Join(",", BlockActionsHandler.ValuesOf(Assert.Single(payload.Actions!))));
    }

    [Fact]
    public void Read_BlockActionsOptionalMembersMissing_FallBacks()
    {
        // No team object (the user's team_id counts), no channel (the container's channel_id counts), no response_url.
        var payload = Assert.IsType<BlockActionsPayload>(Read(
            """{"type":"block_actions","user":{"id":"U1","team_id":"T7"},"container":{"type":"message","channel_id":"C5","is_ephemeral":true},"actions":[{"type":"button","action_id":"a"}]}"""));

        Assert.Equal(("T7", "C5"), (payload.TeamId, payload.Channel?.Id ?? payload.Container?.ChannelId));
        Assert.Null(payload.ResponseUrl);
        Assert.Null(payload.TriggerId);
    }

    [Fact]
    public void Read_BlockSuggestion_ActionIdAndValue()
    {
        var payload = Assert.IsType<BlockSuggestionPayload>(Read(
            """{"type":"block_suggestion","user":{"id":"U1","team_id":"T1"},"team":{"id":"T1"},"action_id":"school","block_id":"school","value":"ucs","enterprise":null,"is_enterprise_install":false}"""));

        Assert.Equal(("school", "ucs", "T1"), (payload.ActionId, payload.Value, payload.TeamId));
    }

    [Fact]
    public void Read_NoType_BaseInteractivePayload() =>
        Assert.Equal(typeof(InteractivePayload), Read("""{"user":{"id":"U1"}}""").GetType());
}
