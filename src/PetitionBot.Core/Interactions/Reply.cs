namespace PetitionBot.Core.Interactions;

/// <summary>
/// What the core answers, in neutral terms. Adapters render it as Discord messages/embeds/components/modals or Slack
/// Block Kit. <see cref="Text"/> is always a complete, readable answer on its own (it is what the console prints).
/// </summary>
public sealed record Reply
{
    /// <summary>Optional heading (embed title / header block).</summary>
    public string? Title { get; init; }

    /// <summary>The message. Plain text: adapters escape it for their platform so user text never pings anyone.</summary>
    public required string Text { get; init; }

    public Visibility Visibility { get; init; } = Visibility.Private;

    /// <summary>Goal progress to show as a bar (embed field / context block), when relevant. Not repeated in
    /// <see cref="Text"/>: every renderer (the console too) shows <see cref="Progress.Summary"/> and <see cref="Progress.Bar"/> itself.</summary>
    public Progress? Progress { get; init; }

    /// <summary>Buttons, in order. Adapters lay out at most 5 per row.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>A select menu, when the choice set is long.</summary>
    public Menu? Menu { get; init; }

    /// <summary>When set, the adapter opens this form (modal) instead of posting a message.
    /// <see cref="Text"/> stays a fallback for surfaces without forms.</summary>
    public FormSpec? Form { get; init; }

    /// <summary>Per-field validation errors for the form just submitted (field id → message). Slack shows them inside the
    /// modal (<c>response_action: errors</c>); Discord shows <see cref="Text"/> with a choice to edit again.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; init; } = new Dictionary<string, string>();

    /// <summary>Files delivered privately (Discord ephemeral attachment, Slack DM file upload).</summary>
    public IReadOnlyList<FileAttachment> Attachments { get; init; } = [];

    /// <summary>True when this reply should replace the message whose button was pressed (a flow's next step),
    /// rather than add a new one.</summary>
    public bool ReplacesPrevious { get; init; }

    public static Reply Private(string text) => new() { Text = text };
}
