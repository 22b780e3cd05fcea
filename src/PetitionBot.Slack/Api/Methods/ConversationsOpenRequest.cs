namespace PetitionBot.Slack.Api;

/// <summary>conversations.open with one user id: the DM with that person.</summary>
internal sealed record ConversationsOpenRequest(string Users);
