using PetitionBot.Core.Interactions;
using PetitionBot.Discord.Api;
using PetitionBot.Discord.Rendering;

namespace PetitionBot.Discord.Tests.Rendering;

public sealed class ReplyRendererTests
{
    [Fact]
    public void Message_PlainPrivateText_ContentEphemeralNoMentions()
    {
        var message = ReplyRenderer.Message(Reply.Private("hello"), ephemeral: true);

        Assert.Equal("hello", message.Content);
        Assert.Null(message.Embeds);
        Assert.Null(message.Components);
        Assert.Equal(64, message.Flags);
        Assert.Empty(message.AllowedMentions.Parse);
    }

    [Fact]
    public void Message_TwelveChoicesAndMenu_MenuRowThenButtonsFivePerRow()
    {
        var reply = new Reply
        {
            Text = "pick",
            Choices = [.. Enumerable.Range(0, 12).Select(i => new Choice($"t{i}", $"L{i}", ChoiceStyle.Danger))],
            Menu = new Menu("menu", "Choose", [new MenuOption("a", "A"), new MenuOption("b", "B", "second")]),
        };

        var rows = ReplyRenderer.Message(reply, ephemeral: true).Components!.Cast<ActionRowPayload>().ToList();

        Assert.Equal([1, 5, 5, 2], rows.Select(r => r.Components!.Count));
        var select = Assert.IsType<StringSelectPayload>(rows[0].Components![0]);
        Assert.Equal(2, select.Options!.Count);
        Assert.All(rows.Skip(1).SelectMany(r => r.Components!), b => Assert.Equal(4, Assert.IsType<ButtonPayload>(b).Style));
    }

    [Fact]
    public void Message_LongText_TruncatedToDiscordLimit()
    {
        var message = ReplyRenderer.Message(Reply.Private(new string('x', 2500)), ephemeral: false);

        Assert.Equal(2000, message.Content!.Length);
        Assert.Null(message.Flags);
    }

    [Fact]
    public void Modal_Fields_LabelsWrapTextInputsWithLimits()
    {
        var modal = ReplyRenderer.Modal(new FormSpec("tok", "A title that is much longer than forty-five characters allows",
            [new FormField("msg", "Message", 9000, Multiline: true, MinLength: 5)]));

        Assert.Equal(45, modal.Title.Length);
        var label = Assert.IsType<LabelPayload>(Assert.Single(modal.Components));
        var input = Assert.IsType<TextInputPayload>(label.Component);
        Assert.Equal(2, input.Style);
        Assert.Equal(4000, input.MaxLength);
        Assert.Equal(5, input.MinLength);
    }
}
