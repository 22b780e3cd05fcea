namespace PetitionBot.Slack.Api;

/// <summary>chat.postEphemeral: a message only <paramref name="User"/> sees in <paramref name="Channel"/>.</summary>
internal sealed record PostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<Block>? Blocks);
