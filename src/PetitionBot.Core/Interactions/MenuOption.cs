namespace PetitionBot.Core.Interactions;

/// <summary>One entry of a <see cref="Menu"/>.</summary>
public sealed record MenuOption(string Value, string Label, string? Description = null);
