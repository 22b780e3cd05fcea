namespace PetitionBot.Fakes.Discord;

/// <summary>An injected REST failure: the next <see cref="Times"/> requests matching method and path prefix get
/// <see cref="Status"/> (with JSON error <see cref="Code"/>); a 429 carries Retry-After and X-RateLimit-* headers.
/// With <see cref="After"/> the fault is armed by request count, not by time: the first <see cref="After"/> matching
/// requests that arrive once it is injected (whatever answers them) pass it by, and it fails the ones after.</summary>
public sealed record FakeRestFault(
    string Method,
    string PathPrefix,
    int Status,
    int? Code = null,
    TimeSpan? RetryAfter = null,
    bool Global = false,
    int Times = 1,
    int After = 0);
