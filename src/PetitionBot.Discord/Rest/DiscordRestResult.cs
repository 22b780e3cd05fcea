using System.Net;

namespace PetitionBot.Discord.Rest;

/// <summary>The outcome of one REST call: the HTTP status (null for a network failure), Discord's JSON error code,
/// the retry delay of a 429, and the body.</summary>
internal sealed record DiscordRestResult(HttpStatusCode? Status, int? ErrorCode, TimeSpan? RetryAfter, string? Body)
{
    public bool IsSuccess => Status is { } s && (int)s is >= 200 and < 300;

    public int StatusCode => Status is { } s ? (int)s : 0;

    public static DiscordRestResult NetworkError(string detail) => new(null, null, null, detail);
}
