namespace PetitionBot.Slack.Api;

/// <summary><c>external_select</c>: a menu whose options Slack asks for (<c>block_suggestion</c>) as the person types.</summary>
internal sealed record ExternalSelectElement(string ActionId, int MinQueryLength) : BlockElement(ActionId)
{
    public OptionObject? InitialOption { get; init; }
}
