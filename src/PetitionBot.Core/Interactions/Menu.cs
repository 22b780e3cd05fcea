namespace PetitionBot.Core.Interactions;

/// <summary>A single-choice select menu (Discord string select, Slack static_select). At most 25 options.</summary>
public sealed record Menu(string Token, string Placeholder, IReadOnlyList<MenuOption> Options);
