namespace PetitionBot.Discord.Api;

internal sealed record SelectOptionPayload(string Label, string Value, string? Description = null);
