namespace PetitionBot.Core.Interactions;

/// <summary>One type-ahead entry: <paramref name="Value"/> comes back when picked (a school id), <paramref name="Label"/> is shown.</summary>
public sealed record Suggestion(string Value, string Label);
