namespace PetitionBot.Discord.Api;

/// <summary>The data of an APPLICATION_COMMAND_AUTOCOMPLETE_RESULT callback (type 8): up to 25 choices.</summary>
internal sealed record AutocompleteResultPayload(IReadOnlyList<AutocompleteChoicePayload> Choices);
