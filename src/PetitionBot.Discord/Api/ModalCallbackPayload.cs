namespace PetitionBot.Discord.Api;

/// <summary>Callback type 9: show a modal.</summary>
internal sealed record ModalCallbackPayload(ModalPayload Data) : InteractionCallbackPayload(Modal);
