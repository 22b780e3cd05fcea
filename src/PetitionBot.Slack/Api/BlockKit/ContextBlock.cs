namespace PetitionBot.Slack.Api;

/// <summary><c>context</c>: small text shown under a message (the progress bar).</summary>
internal sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;
