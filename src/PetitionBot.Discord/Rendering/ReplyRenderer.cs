using PetitionBot.Core.Text;
using PetitionBot.Discord.Api;

namespace PetitionBot.Discord.Rendering;

/// <summary>Renders the core's neutral <see cref="Reply"/> as Discord messages (content or embed with the progress bar,
/// buttons, string select) and modals (Label components wrapping text inputs).</summary>
internal static class ReplyRenderer
{
    /// <summary>custom_id prefix of the button that re-opens a form the adapter could not show as a modal.</summary>
    public const string FormButtonPrefix = "~form:";

    public const int MaxContent = 2000;
    public const int MaxDescription = 4096;
    private const int EmbedColor = 0x2B6CB0;

    /// <param name="reply">The core's answer.</param>
    /// <param name="ephemeral">Set flag 64 (not allowed when updating a message).</param>
    /// <param name="forUpdate">An update of the pressed message: always send <c>components</c> (empty clears old buttons).</param>
    public static MessagePayload Message(Reply reply, bool ephemeral, bool forUpdate = false)
    {
        var components = Components(reply);
        var useEmbed = reply.Title is not null || reply.Progress is not null;
        return new MessagePayload
        {
            Content = useEmbed ? null : Truncate(NonEmpty(Mentions(reply.Text)), MaxContent),
            Embeds = useEmbed ? [Embed(reply.Title, reply.Text, reply.Progress)] : (forUpdate ? [] : null),
            Components = components.Count > 0 || forUpdate ? components : null,
            Flags = ephemeral && !forUpdate ? MessagePayload.EphemeralFlag : null,
        };
    }

    public static EmbedPayload Embed(string? title, string text, Progress? progress)
    {
        IReadOnlyList<EmbedFieldPayload>? fields = progress is null
            ? null
            : [new EmbedFieldPayload("Progress", progress.Summary + "\n" + progress.Bar)];
        return new EmbedPayload(
            title is null ? null : Truncate(title, 256),
            string.IsNullOrEmpty(text) ? null : Truncate(Mentions(text), MaxDescription),
            fields,
            EmbedColor);
    }

    public static ModalPayload Modal(FormSpec form) => new(
        Truncate(form.Token, 100),
        Truncate(NonEmpty(form.Title), 45),
        form.Fields.Take(5).Select(f => (ComponentPayload)new LabelPayload(
            Truncate(NonEmpty(f.Label), 45),
            new TextInputPayload
            {
                CustomId = Truncate(f.Id, 100),
                Style = f.Multiline ? TextInputPayload.Paragraph : TextInputPayload.Short,
                MinLength = f.MinLength > 0 ? Math.Min(f.MinLength, 4000) : null,
                MaxLength = Math.Clamp(f.MaxLength, 1, 4000),
                Required = f.Required,
                Value = string.IsNullOrEmpty(f.Value) ? null : Truncate(f.Value, 4000),
                Placeholder = string.IsNullOrEmpty(f.Placeholder) ? null : Truncate(f.Placeholder, 100),
            })).ToList());

    private static List<ComponentPayload> Components(Reply reply)
    {
        var buttons = reply.Choices.Select(Button).ToList();
        if (reply.Form is { } form)
        {
            buttons.Add(new ButtonPayload(
                ButtonPayload.Primary,
                Truncate(NonEmpty(form.SubmitLabel is "Continue" ? form.Title : form.SubmitLabel), 80),
                Truncate(FormButtonPrefix + form.Token, 100)));
        }

        var rows = new List<ComponentPayload>();
        if (reply.Menu is { } menu && menu.Options.Count > 0)
        {
            rows.Add(Row([Select(menu)]));
        }

        foreach (var chunk in buttons.Chunk(5))
        {
            if (rows.Count == 5)
            {
                break;
            }

            rows.Add(Row(chunk));
        }

        return rows;
    }

    private static ComponentPayload Row(IReadOnlyList<ComponentPayload> items) => new ActionRowPayload(items);

    private static ComponentPayload Button(Choice choice) => choice.Style == ChoiceStyle.Link && choice.Url is not null
        ? new ButtonPayload(ButtonPayload.Link, Truncate(NonEmpty(choice.Label), 80), Url: choice.Url)
        : new ButtonPayload(
            choice.Style switch
            {
                ChoiceStyle.Primary => ButtonPayload.Primary,
                ChoiceStyle.Success => ButtonPayload.Success,
                ChoiceStyle.Danger => ButtonPayload.Danger,
                _ => ButtonPayload.Secondary,
            },
            Truncate(NonEmpty(choice.Label), 80),
            Truncate(choice.Token, 100));

    private static ComponentPayload Select(Menu menu) => new StringSelectPayload
    {
        CustomId = Truncate(menu.Token, 100),
        Placeholder = Truncate(menu.Placeholder, 150),
        MinValues = 1,
        MaxValues = 1,
        Options = menu.Options.Take(25).Select(o => new SelectOptionPayload(
            Truncate(NonEmpty(o.Label), 100), Truncate(o.Value, 100), o.Description is null ? null : Truncate(o.Description, 100))).ToList(),
    };

    /// <summary>The core's neutral channel and role references ({#id}, {@&amp;id}) as Discord mentions. They never ping:
    /// every message carries <c>allowed_mentions: {"parse": []}</c>.</summary>
    private static string Mentions(string text) => Mention.Rewrite(text, id => $"<#{id}>", id => $"<@&{id}>");

    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? "…" : text;

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
