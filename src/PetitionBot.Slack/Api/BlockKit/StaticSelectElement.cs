namespace PetitionBot.Slack.Api;

/// <summary><c>static_select</c>: a menu of up to 100 options.</summary>
internal sealed record StaticSelectElement(string ActionId, PlainText Placeholder, IReadOnlyList<OptionObject> Options) : BlockElement(ActionId);
