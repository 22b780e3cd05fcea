namespace PetitionBot.Slack.Api;

/// <summary>An option of a select: text ≤ 75, value ≤ 150, optional description ≤ 75.</summary>
internal sealed record OptionObject(PlainText Text, string Value)
{
    public PlainText? Description { get; init; }
}
