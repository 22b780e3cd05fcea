namespace PetitionBot.Core.Interactions;

/// <summary>An option of a command. Names are lowercase, ≤ 32 chars (Discord's rule).</summary>
public sealed record CommandOption(string Name, string Description, OptionKind Kind, bool Required = false, int MaxLength = 100);
