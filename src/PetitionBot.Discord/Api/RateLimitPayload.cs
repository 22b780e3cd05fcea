namespace PetitionBot.Discord.Api;

/// <summary>The body of a 429: <see cref="RetryAfter"/> in (fractional) seconds, and whether the limit is global.</summary>
internal sealed record RateLimitPayload(double? RetryAfter, bool? Global = null);
