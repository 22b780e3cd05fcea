namespace PetitionBot.Discord.Api;

internal sealed record EmbedFieldPayload(string Name, string Value, bool? Inline = null);
