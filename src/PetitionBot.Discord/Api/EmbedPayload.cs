namespace PetitionBot.Discord.Api;

internal sealed record EmbedPayload(string? Title, string? Description, IReadOnlyList<EmbedFieldPayload>? Fields, int? Color = null);
