namespace PetitionBot.Slack.Api;

/// <summary>A message POSTed to an interaction's response_url: <c>ephemeral</c> or <c>in_channel</c>, optionally
/// replacing the message the interaction came from.</summary>
internal sealed record ResponseUrlMessage(string ResponseType, string Text, IReadOnlyList<Block> Blocks, bool ReplaceOriginal)
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";
}
