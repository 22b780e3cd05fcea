namespace PetitionBot.Discord.Api;

/// <summary>One autocomplete choice: <see cref="Name"/> shown (1-100 chars), <see cref="Value"/> sent as the option's value.</summary>
internal sealed record AutocompleteChoicePayload(string Name, string Value);
