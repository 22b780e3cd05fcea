namespace PetitionBot.Discord.Api;

/// <summary>The guild member who started an interaction: role ids and the permission bitset (a decimal string).</summary>
internal sealed record MemberPayload(UserPayload? User, IReadOnlyList<string>? Roles = null, string? Permissions = null);
