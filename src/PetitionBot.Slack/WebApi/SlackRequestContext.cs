namespace PetitionBot.Slack.WebApi;

/// <summary>Per-request facts the handlers of the pipeline use: the bearer token, the team (pacing key), the method
/// (rate tier), the channel (≈1 message/s per channel), and the longest the call is worth holding back for its pacing
/// slot (<paramref name="MaxPacingWait"/>: a call whose use runs out sooner, like views.open with a trigger_id that
/// lives 3 s, goes at once instead of waiting past it; Slack then answers it or says it is rate limited).</summary>
internal sealed record SlackRequestContext(string Method, string? Token, string? TeamId = null, string? ChannelId = null, TimeSpan? MaxPacingWait = null)
{
    internal static readonly HttpRequestOptionsKey<SlackRequestContext> Key = new("PetitionBot.Slack.Request");
}
