namespace PetitionBot.Slack.WebApi;

/// <summary>Per-request facts the handlers of the pipeline use: the bearer token, the team (pacing key), the method
/// (rate tier) and the channel (≈1 message/s per channel).</summary>
internal sealed record SlackRequestContext(string Method, string? Token, string? TeamId = null, string? ChannelId = null)
{
    internal static readonly HttpRequestOptionsKey<SlackRequestContext> Key = new("PetitionBot.Slack.Request");
}
