using PetitionBot.Slack.Api;

namespace PetitionBot.Slack.BlockKit;

/// <summary>Renders the core's neutral <see cref="Reply"/> as Block Kit records: header (title), mrkdwn sections
/// (escaped text), a context block with the progress bar, actions with buttons (link buttons for
/// <see cref="ChoiceStyle.Link"/>) and a static_select for the menu. Forms become modal views. The records are
/// immutable, so one rendering can go into any number of requests (and retries).</summary>
internal static class BlockKitRenderer
{
    private const int SectionMax = 3000;
    private const int ButtonsPerActions = 5;
    private const int MaxMessageBlocks = 40;

    /// <summary>The fallback/notification text: escaped, so it never pings either.</summary>
    public static string FallbackText(Reply reply) =>
        Mrkdwn.Truncate(Mrkdwn.EscapeReply(reply.Title is null ? reply.Text : $"{reply.Title}: {reply.Text}"), 3000);

    public static IReadOnlyList<Block> MessageBlocks(Reply reply)
    {
        var blocks = new List<Block>();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            blocks.Add(new HeaderBlock(Plain(reply.Title, 150)));
        }

        AddSections(blocks, reply.Text);
        if (reply.Progress is { } progress)
        {
            blocks.Add(ProgressBlock(progress));
        }

        foreach (var chunk in reply.Choices.Chunk(ButtonsPerActions))
        {
            blocks.Add(new ActionsBlock([.. chunk.Select(Button)]));
        }

        if (reply.Menu is { } menu)
        {
            blocks.Add(new ActionsBlock([Select(menu)]));
        }

        return blocks;
    }

    /// <summary>Blocks of an announcement: title, escaped text, progress.</summary>
    public static IReadOnlyList<Block> AnnouncementBlocks(string? title, string text, Progress? progress) =>
        MessageBlocks(new Reply { Title = title, Text = text, Progress = progress });

    public static ContextBlock ProgressBlock(Progress progress) =>
        new([new MrkdwnText($"`{progress.Bar}`  {Mrkdwn.Escape(progress.Summary)}")]);

    /// <summary>An option object: text ≤ 75 characters, value ≤ 150 (Block Kit limits).</summary>
    public static OptionObject Option(string text, string value) =>
        new(Plain(text, 75), value.Length <= 150 ? value : value[..150]);

    /// <summary>A modal for a form: callback_id = form token, one input block per field (block_id = action_id = field id).</summary>
    public static View ModalView(FormSpec form, string privateMetadata)
    {
        var blocks = form.Fields
            .Select(field => (Block)new InputBlock(field.Id, Plain(field.Label, 2000), Element(field), Optional: !field.Required))
            .ToList();
        return new View(Plain(form.Title, 24), new PlainText("Cancel"), blocks)
        {
            CallbackId = form.Token,
            Submit = Plain(form.SubmitLabel, 24),
            PrivateMetadata = Mrkdwn.Truncate(privateMetadata, 3000),
        };
    }

    /// <summary>A modal that only shows text (used while the core works, or when the answer is not a form).</summary>
    public static View MessageView(string title, string text)
    {
        var blocks = new List<Block>();
        AddSections(blocks, text);
        return new View(Plain(title, 24), new PlainText("Close"), blocks);
    }

    public static View LoadingView() => MessageView("PetitionBot", "Loading…");

    private static BlockElement Element(FormField field)
    {
        if (field.Kind == FormFieldKind.School)
        {
            return SchoolSelect(field);
        }

        return new PlainTextInputElement(field.Id, field.Multiline, Math.Clamp(field.MaxLength, 1, 3000))
        {
            MinLength = field.MinLength > 0 ? Math.Min(field.MinLength, 3000) : null,
            InitialValue = string.IsNullOrEmpty(field.Value) ? null : field.Value,
            Placeholder = string.IsNullOrEmpty(field.Placeholder) ? null : Plain(field.Placeholder, 150),
        };
    }

    /// <summary>A school field: an <c>external_select</c> whose options come from <c>block_suggestion</c> requests
    /// (<see cref="Interactions.BlockSuggestionHandler"/>); a preset value is its initial option.</summary>
    private static ExternalSelectElement SchoolSelect(FormField field) => new(field.Id, MinQueryLength: 1)
    {
        InitialOption = string.IsNullOrEmpty(field.Value) ? null : Option(field.ValueLabel ?? field.Value, field.Value),
    };

    private static void AddSections(List<Block> blocks, string text)
    {
        var escaped = Mrkdwn.EscapeReply(text);
        for (var i = 0; i < escaped.Length && blocks.Count < MaxMessageBlocks; i += SectionMax)
        {
            blocks.Add(new SectionBlock(new MrkdwnText(escaped.Substring(i, Math.Min(SectionMax, escaped.Length - i)))));
        }
    }

    private static ButtonElement Button(Choice choice)
    {
        var button = new ButtonElement(choice.Token, Plain(choice.Label, 75));
        if (choice.Style == ChoiceStyle.Link && choice.Url is not null)
        {
            return button with { Url = choice.Url };
        }

        return button with
        {
            Value = choice.Token,
            Style = choice.Style switch
            {
                ChoiceStyle.Primary or ChoiceStyle.Success => "primary",
                ChoiceStyle.Danger => "danger",
                _ => null,
            },
        };
    }

    private static StaticSelectElement Select(Menu menu) => new(
        menu.Token,
        Plain(menu.Placeholder, 150),
        [.. menu.Options.Take(100).Select(o => new OptionObject(Plain(o.Label, 75), o.Value)
        {
            Description = string.IsNullOrEmpty(o.Description) ? null : Plain(o.Description, 75),
        })]);

    private static PlainText Plain(string text, int max) => new(Mrkdwn.Truncate(text, max));
}
