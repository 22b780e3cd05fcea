namespace PetitionBot.Slack.WebApi;

/// <summary>The outcome of a Web API call whose answer the adapter reads: <see cref="Body"/> is Slack's answer as its
/// record, null when there was none or it did not have the documented shape.</summary>
internal sealed record SlackApiResponse<T>(bool Ok, string? Error, int HttpStatus, TimeSpan? RetryAfter, T? Body)
    : SlackApiResponse(Ok, Error, HttpStatus, RetryAfter)
    where T : class
{
    /// <summary>A failure that never reached a readable answer.</summary>
    public static new SlackApiResponse<T> Failure(string error, int httpStatus = 0, TimeSpan? retryAfter = null) =>
        new(false, error, httpStatus, retryAfter, null);
}
