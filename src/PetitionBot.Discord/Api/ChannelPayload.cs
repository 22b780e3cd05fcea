namespace PetitionBot.Discord.Api;

/// <summary>The answer of <c>POST /users/@me/channels</c>: the DM channel (only its id is read).</summary>
internal sealed record ChannelPayload(string? Id);
