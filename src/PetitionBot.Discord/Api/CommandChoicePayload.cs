namespace PetitionBot.Discord.Api;

/// <summary>A fixed choice of a STRING option.</summary>
internal sealed record CommandChoicePayload(string Name, string Value);
