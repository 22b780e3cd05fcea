namespace PetitionBot.Discord.Rendering;

internal sealed record SelectOptionPayload(string Label, string Value, string? Description = null);
