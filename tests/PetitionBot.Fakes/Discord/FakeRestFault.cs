namespace PetitionBot.Fakes.Discord;

/// <summary>An injected REST failure: the next <see cref="Times"/> requests matching method and path prefix get
/// <see cref="Status"/> (with JSON error <see cref="Code"/>); a 429 carries Retry-After and X-RateLimit-* headers.</summary>
public sealed record FakeRestFault(
    string Method,
    string PathPrefix,
    int Status,
    int? Code = null,
    TimeSpan? RetryAfter = null,
    bool Global = false,
    int Times = 1);
