using System.Text.Json.Nodes;
using PetitionBot.Core.Interactions;

namespace PetitionBot.Slack.BlockKit;

/// <summary>Renders the core's neutral <see cref="Reply"/> as Block Kit: header (title), mrkdwn sections (escaped text),
/// a context block with the progress bar, actions with buttons (link buttons for <see cref="ChoiceStyle.Link"/>) and a
/// static_select for the menu. Forms become modal views.</summary>
internal static class BlockKitRenderer
{
    private const int SectionMax = 3000;
    private const int ButtonsPerActions = 5;

    /// <summary>The fallback/notification text: escaped, so it never pings either.</summary>
    public static string FallbackText(Reply reply) =>
        Mrkdwn.Truncate(Mrkdwn.EscapeReply(reply.Title is null ? reply.Text : $"{reply.Title}: {reply.Text}"), 3000);

    public static JsonArray MessageBlocks(Reply reply)
    {
        var blocks = new JsonArray();
        if (!string.IsNullOrWhiteSpace(reply.Title))
        {
            blocks.Add(new JsonObject { ["type"] = "header", ["text"] = PlainText(Mrkdwn.Truncate(reply.Title, 150)) });
        }

        AddSections(blocks, reply.Text);
        if (reply.Progress is { } progress)
        {
            blocks.Add(ProgressBlock(progress));
        }

        foreach (var chunk in reply.Choices.Chunk(ButtonsPerActions))
        {
            var elements = new JsonArray();
            foreach (var choice in chunk)
            {
                elements.Add(Button(choice));
            }

            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = elements });
        }

        if (reply.Menu is { } menu)
        {
            blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(Select(menu)) });
        }

        return blocks;
    }

    /// <summary>Blocks of an announcement: title, escaped text, progress.</summary>
    public static JsonArray AnnouncementBlocks(string? title, string text, Progress? progress) =>
        MessageBlocks(new Reply { Title = title, Text = text, Progress = progress });

    public static JsonObject ProgressBlock(Progress progress) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = $"`{progress.Bar}`  {Mrkdwn.Escape(progress.Summary)}" }),
    };

    /// <summary>A school field: an <c>external_select</c> whose options come from <c>block_suggestion</c> requests
    /// (<see cref="Interactions.BlockSuggestionHandler"/>); a preset value is its initial option.</summary>
    private static JsonObject SchoolSelect(FormField field)
    {
        var element = new JsonObject
        {
            ["type"] = "external_select",
            ["action_id"] = field.Id,
            ["min_query_length"] = 1,
        };
        if (!string.IsNullOrEmpty(field.Value))
        {
            element["initial_option"] = Option(field.ValueLabel ?? field.Value, field.Value);
        }

        return element;
    }

    /// <summary>An option object: text ≤ 75 characters, value ≤ 150 (Block Kit limits).</summary>
    public static JsonObject Option(string text, string value) => new()
    {
        ["text"] = PlainText(Mrkdwn.Truncate(text, 75)),
        ["value"] = value.Length <= 150 ? value : value[..150],
    };

    /// <summary>A modal for a form: callback_id = form token, one input block per field (block_id = action_id = field id).</summary>
    public static JsonObject ModalView(FormSpec form, string privateMetadata)
    {
        var blocks = new JsonArray();
        foreach (var field in form.Fields)
        {
            var element = field.Kind == FormFieldKind.School ? SchoolSelect(field) : new JsonObject
            {
                ["type"] = "plain_text_input",
                ["action_id"] = field.Id,
                ["multiline"] = field.Multiline,
                ["max_length"] = Math.Clamp(field.MaxLength, 1, 3000),
            };
            if (field.MinLength > 0 && field.Kind != FormFieldKind.School)
            {
                element["min_length"] = Math.Min(field.MinLength, 3000);
            }

            if (!string.IsNullOrEmpty(field.Value) && field.Kind != FormFieldKind.School)
            {
                element["initial_value"] = field.Value;
            }

            if (!string.IsNullOrEmpty(field.Placeholder))
            {
                element["placeholder"] = PlainText(Mrkdwn.Truncate(field.Placeholder, 150));
            }

            blocks.Add(new JsonObject
            {
                ["type"] = "input",
                ["block_id"] = field.Id,
                ["optional"] = !field.Required,
                ["label"] = PlainText(Mrkdwn.Truncate(field.Label, 2000)),
                ["element"] = element,
            });
        }

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = form.Token,
            ["title"] = PlainText(Mrkdwn.Truncate(form.Title, 24)),
            ["submit"] = PlainText(Mrkdwn.Truncate(form.SubmitLabel, 24)),
            ["close"] = PlainText("Cancel"),
            ["private_metadata"] = Mrkdwn.Truncate(privateMetadata, 3000),
            ["blocks"] = blocks,
        };
    }

    /// <summary>A modal that only shows text (used while the core works, or when the answer is not a form).</summary>
    public static JsonObject MessageView(string title, string text)
    {
        var blocks = new JsonArray();
        AddSections(blocks, text);
        return new JsonObject
        {
            ["type"] = "modal",
            ["title"] = PlainText(Mrkdwn.Truncate(title, 24)),
            ["close"] = PlainText("Close"),
            ["blocks"] = blocks,
        };
    }

    public static JsonObject LoadingView() => MessageView("PetitionBot", "Loading…");

    private static void AddSections(JsonArray blocks, string text)
    {
        var escaped = Mrkdwn.EscapeReply(text);
        if (escaped.Length == 0)
        {
            return;
        }

        for (var i = 0; i < escaped.Length && blocks.Count < 40; i += SectionMax)
        {
            var part = escaped.Substring(i, Math.Min(SectionMax, escaped.Length - i));
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = part } });
        }
    }

    private static JsonObject Button(Choice choice)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(Mrkdwn.Truncate(choice.Label, 75)),
            ["action_id"] = choice.Token,
        };
        if (choice.Style == ChoiceStyle.Link && choice.Url is not null)
        {
            button["url"] = choice.Url;
            return button;
        }

        button["value"] = choice.Token;
        var style = choice.Style switch
        {
            ChoiceStyle.Primary or ChoiceStyle.Success => "primary",
            ChoiceStyle.Danger => "danger",
            _ => null,
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }

    private static JsonObject Select(Menu menu)
    {
        var options = new JsonArray();
        foreach (var option in menu.Options.Take(100))
        {
            var o = new JsonObject { ["text"] = PlainText(Mrkdwn.Truncate(option.Label, 75)), ["value"] = option.Value };
            if (!string.IsNullOrEmpty(option.Description))
            {
                o["description"] = PlainText(Mrkdwn.Truncate(option.Description, 75));
            }

            options.Add(o);
        }

        return new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = menu.Token,
            ["placeholder"] = PlainText(Mrkdwn.Truncate(menu.Placeholder, 150)),
            ["options"] = options,
        };
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };
}
