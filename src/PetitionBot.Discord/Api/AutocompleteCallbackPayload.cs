namespace PetitionBot.Discord.Api;

/// <summary>Callback type 8: the choices of an autocomplete interaction.</summary>
internal sealed record AutocompleteCallbackPayload(AutocompleteResultPayload Data) : InteractionCallbackPayload(AutocompleteResult);
