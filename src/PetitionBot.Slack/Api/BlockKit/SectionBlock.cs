namespace PetitionBot.Slack.Api;

/// <summary><c>section</c>: one text object (≤ 3000 characters).</summary>
internal sealed record SectionBlock(TextObject Text) : Block;
