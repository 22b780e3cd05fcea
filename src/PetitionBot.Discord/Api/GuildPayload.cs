namespace PetitionBot.Discord.Api;

/// <summary>GUILD_CREATE / GUILD_DELETE data. <see cref="Unavailable"/> true: an outage, not a join or a removal;
/// GUILD_DELETE without it means the bot was removed.</summary>
internal sealed record GuildPayload(string? Id, string? Name = null, bool? Unavailable = null);
