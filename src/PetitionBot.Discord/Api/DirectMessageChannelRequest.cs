namespace PetitionBot.Discord.Api;

/// <summary>The body of <c>POST /users/@me/channels</c>.</summary>
internal sealed record DirectMessageChannelRequest(string RecipientId);
