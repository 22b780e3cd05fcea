namespace PetitionBot.Discord.Api;

/// <summary>A user; the adapter needs only the id (names are personal data it neither reads nor keeps).</summary>
internal sealed record UserPayload(string? Id);
