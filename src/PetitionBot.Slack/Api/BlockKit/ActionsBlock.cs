namespace PetitionBot.Slack.Api;

/// <summary><c>actions</c>: up to 25 interactive elements (buttons, selects).</summary>
internal sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block;
