namespace PetitionBot.Slack.Api;

/// <summary><c>button</c>: text ≤ 75; a link button has <see cref="Url"/> (no value), others a <see cref="Value"/>
/// and maybe a <see cref="Style"/> (<c>primary</c> or <c>danger</c>).</summary>
internal sealed record ButtonElement(string ActionId, PlainText Text) : BlockElement(ActionId)
{
    public string? Url { get; init; }

    public string? Value { get; init; }

    public string? Style { get; init; }
}
