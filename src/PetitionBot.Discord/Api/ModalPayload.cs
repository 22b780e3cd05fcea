namespace PetitionBot.Discord.Api;

/// <summary>Callback type 9 data: a modal of Label components wrapping text inputs.</summary>
internal sealed record ModalPayload(string CustomId, string Title, IReadOnlyList<ComponentPayload> Components);
