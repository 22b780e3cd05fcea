namespace PetitionBot.Slack.WebApi;

/// <summary>The outcome of one Web API call: Slack's ok/error envelope plus the transport facts.
/// <paramref name="HttpStatus"/> is 0 when the request never got an answer (network error).</summary>
internal record SlackApiResponse(bool Ok, string? Error, int HttpStatus, TimeSpan? RetryAfter)
{
    public const string TransportError = "transport_error";

    public bool IsRateLimited => HttpStatus == 429 || Error == "ratelimited";

    public bool IsTransient => HttpStatus == 0 || HttpStatus >= 500 || Error is TransportError or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";

    public static SlackApiResponse Failure(string error, int httpStatus = 0, TimeSpan? retryAfter = null) =>
        new(false, error, httpStatus, retryAfter);
}
