namespace PetitionBot.Discord.Rendering;

internal sealed record EmbedFieldPayload(string Name, string Value, bool? Inline = null);
