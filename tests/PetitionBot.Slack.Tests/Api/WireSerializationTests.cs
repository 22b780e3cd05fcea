using System.Text.Json;
using System.Text.Json.Nodes;
using PetitionBot.Core.Interactions;
using PetitionBot.Slack.Api;
using PetitionBot.Slack.BlockKit;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.Api;

/// <summary>What the records put on the wire: a <c>type</c> on every block, element and text object (also where a
/// field is typed <see cref="PlainText"/>), snake_case names, and no member for an absent value.</summary>
public sealed class WireSerializationTests
{
    private static readonly SlackJsonContext Json = SlackJsonContext.Default;

    [Fact]
    public void MessageBlocks_EveryBlockElementAndTextObject_HasItsType()
    {
        var reply = new Reply
        {
            Title = "Sign",
            Text = "Hello",
            Progress = new Progress(1, 10),
            Choices = [new Choice("a", "A", ChoiceStyle.Primary), Choice.Link("Petition", "https://example.org")],
            Menu = new Menu("menu", "Pick", [new MenuOption("One", "1", "first")]),
        };

        var blocks = SlackWire.Json(BlockKitRenderer.MessageBlocks(reply));

        Assert.Equal("plain_text", blocks[0]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal("mrkdwn", blocks[1]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal("mrkdwn", blocks[2]!["elements"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(["button", "button"], blocks[3]!["elements"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("plain_text", blocks[3]!["elements"]![0]!["text"]!["type"]!.GetValue<string>());
        var option = blocks[4]!["elements"]![0]!["options"]![0]!;
        Assert.Equal(("plain_text", "plain_text"), (option["text"]!["type"]!.GetValue<string>(), option["description"]!["type"]!.GetValue<string>()));
        Assert.All(blocks.Select(b => b!.ToJsonString()), b => Assert.DoesNotContain("null", b, StringComparison.Ordinal));
    }

    [Fact]
    public void Button_LinkAndPlain_OnlyTheirMembers()
    {
        var blocks = SlackWire.Json(BlockKitRenderer.MessageBlocks(new Reply { Text = "x", Choices = [Choice.Link("Go", "https://example.org"), new Choice("b", "B")] }));

        var link = blocks[1]!["elements"]![0]!.AsObject();
        var plain = blocks[1]!["elements"]![1]!.AsObject();
        Assert.Equal(["action_id", "text", "type", "url"], link.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(plain.ContainsKey("style"));
        Assert.Equal("b", plain["value"]!.GetValue<string>());
    }

    [Fact]
    public void ModalView_Form_TypeModalAndInputLabelsTyped()
    {
        var view = SlackWire.Json(BlockKitRenderer.ModalView(new FormSpec("f", "Form", [new FormField("name", "Name", 100)]), "C1"));

        Assert.Equal("modal", view["type"]!.GetValue<string>());
        Assert.Equal(("plain_text", "plain_text", "plain_text"), (view["title"]!["type"]!.GetValue<string>(), view["submit"]!["type"]!.GetValue<string>(), view["close"]!["type"]!.GetValue<string>()));
        var input = view["blocks"]![0]!;
        Assert.Equal(("input", "plain_text", "plain_text_input"), (input["type"]!.GetValue<string>(), input["label"]!["type"]!.GetValue<string>(), input["element"]!["type"]!.GetValue<string>()));
        Assert.False(input["optional"]!.GetValue<bool>());
        Assert.False(input["element"]!.AsObject().ContainsKey("min_length"));
    }

    [Fact]
    public void MessageView_NoForm_NoCallbackSubmitOrMetadata()
    {
        var view = SlackWire.Json(BlockKitRenderer.LoadingView());

        Assert.False(view.ContainsKey("callback_id") || view.ContainsKey("submit") || view.ContainsKey("private_metadata"));
        Assert.Equal("section", view["blocks"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void SocketModeAck_WithAndWithoutPayload_EnvelopeIdAndPayloadOnly()
    {
        var empty = JsonSerializer.Serialize(new SocketModeAck("e-1", null), Json.SocketModeAck);
        var errors = JsonNode.Parse(JsonSerializer.Serialize(
            new SocketModeAck("e-2", new SlackAckPayload { ResponseAction = "errors", Errors = new Dictionary<string, string> { ["full_name"] = "Too short" } }), Json.SocketModeAck))!;

        Assert.Equal("""{"envelope_id":"e-1"}""", empty);
        Assert.Equal("errors", errors["payload"]!["response_action"]!.GetValue<string>());
        Assert.Equal("Too short", errors["payload"]!["errors"]!["full_name"]!.GetValue<string>());
        Assert.Equal(2, errors["payload"]!.AsObject().Count);
    }

    [Fact]
    public void PostMessageRequest_NoBlocks_NeverUnfurlsNoBlocksMember()
    {
        var body = JsonNode.Parse(JsonSerializer.Serialize(new PostMessageRequest("C1", "hi", null), Json.PostMessageRequest))!.AsObject();

        Assert.Equal(["channel", "text", "unfurl_links", "unfurl_media"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(body["unfurl_links"]!.GetValue<bool>());
    }

    [Fact]
    public void ApiBody_UnknownMembers_Ignored()
    {
        var body = JsonSerializer.Deserialize("""{"ok":true,"user":{"id":"U1","is_admin":true,"profile":{"x":1}},"warning":"w","response_metadata":{"messages":[]}}""", Json.UsersInfoResponse)!;

        Assert.True(body.Ok && body.User!.IsAdmin);
        Assert.False(body.User.IsOwner);
    }
}
