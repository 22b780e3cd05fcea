namespace PetitionBot.Slack.Api;

/// <summary><c>plain_text_input</c> (in an input block): lengths 0–3000.</summary>
internal sealed record PlainTextInputElement(string ActionId, bool Multiline, int MaxLength) : BlockElement(ActionId)
{
    public int? MinLength { get; init; }

    public string? InitialValue { get; init; }

    public PlainText? Placeholder { get; init; }
}
