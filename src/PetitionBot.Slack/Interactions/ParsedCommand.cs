namespace PetitionBot.Slack.Interactions;

/// <summary>A slash command understood: the catalog name and its options, or an <paramref name="Error"/> to show.</summary>
internal sealed record ParsedCommand(string Name, IReadOnlyDictionary<string, string> Options, string? Error = null);
