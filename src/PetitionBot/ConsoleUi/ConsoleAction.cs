namespace PetitionBot.ConsoleUi;

/// <summary>What a number typed at the console does: press a choice, or pick a menu value.</summary>
public sealed record ConsoleAction(string Token, string? Value);
