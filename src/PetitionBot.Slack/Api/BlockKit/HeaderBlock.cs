namespace PetitionBot.Slack.Api;

/// <summary><c>header</c>: a plain_text title (≤ 150 characters).</summary>
internal sealed record HeaderBlock(PlainText Text) : Block;
