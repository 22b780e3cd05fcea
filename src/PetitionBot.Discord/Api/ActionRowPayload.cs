namespace PetitionBot.Discord.Api;

/// <summary>Action row (type 1): up to five buttons or one select in a message; in an older modal submit, the row
/// around a text input.</summary>
internal sealed record ActionRowPayload(IReadOnlyList<ComponentPayload>? Components) : ComponentPayload;
