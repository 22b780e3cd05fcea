using PetitionBot.Core.Interactions;
using PetitionBot.Slack.BlockKit;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests.BlockKit;

public sealed class BlockKitRendererTests
{
    [Fact]
    public void MessageBlocks_FullReply_HeaderSectionContextActionsSelect()
    {
        var reply = new Reply
        {
            Title = "Sign",
            Text = "Are you <b> & eligible?",
            Progress = new Progress(482, 1000),
            Choices = [new Choice("elig:ms", "Medical student", ChoiceStyle.Primary), new Choice("elig:none", "None", ChoiceStyle.Danger), Choice.Link("Change.org", "https://change.org/x")],
            Menu = new Menu("menu:stage", "Stage", [new MenuOption("MS1", "MS1"), new MenuOption("PGY1", "PGY1", "Resident")]),
        };

        var blocks = SlackWire.Json(BlockKitRenderer.MessageBlocks(reply));

        Assert.Equal(["header", "section", "context", "actions", "actions"], blocks.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("Are you &lt;b&gt; &amp; eligible?", blocks[1]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains("482 of 1,000", blocks[2]!.ToJsonString(), StringComparison.Ordinal);
        var buttons = blocks[3]!["elements"]!.AsArray();
        Assert.Equal("elig:ms", buttons[0]!["action_id"]!.GetValue<string>());
        Assert.Equal("primary", buttons[0]!["style"]!.GetValue<string>());
        Assert.Equal("danger", buttons[1]!["style"]!.GetValue<string>());
        Assert.Equal("https://change.org/x", buttons[2]!["url"]!.GetValue<string>());
        var select = blocks[4]!["elements"]![0]!;
        Assert.Equal("static_select", select["type"]!.GetValue<string>());
        Assert.Equal("menu:stage", select["action_id"]!.GetValue<string>());
        Assert.Equal(2, select["options"]!.AsArray().Count);
    }

    [Fact]
    public void ModalView_Form_InputsAndLimits()
    {
        var form = new FormSpec("form:sign:1", "A very long form title that exceeds Slack", [new FormField("name", "Full name", 100, MinLength: 2), new FormField("note", "Note", 500, Required: false, Multiline: true)], "Sign now");

        var view = SlackWire.Json(BlockKitRenderer.ModalView(form, "C9"));

        Assert.Equal("form:sign:1", view["callback_id"]!.GetValue<string>());
        Assert.True(view["title"]!["text"]!.GetValue<string>().Length <= 24);
        Assert.Equal("C9", view["private_metadata"]!.GetValue<string>());
        var blocks = view["blocks"]!.AsArray();
        Assert.Equal("name", blocks[0]!["block_id"]!.GetValue<string>());
        Assert.Equal("name", blocks[0]!["element"]!["action_id"]!.GetValue<string>());
        Assert.Equal(2, blocks[0]!["element"]!["min_length"]!.GetValue<int>());
        Assert.True(blocks[1]!["optional"]!.GetValue<bool>());
        Assert.True(blocks[1]!["element"]!["multiline"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!subteam^S1|@x>", "&lt;!subteam^S1|@x&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("plain", "plain")]
    public void Escape_MentionsAndAmpersand_Neutralised(string input, string expected) =>
        Assert.Equal(expected, Mrkdwn.Escape(input));
}
