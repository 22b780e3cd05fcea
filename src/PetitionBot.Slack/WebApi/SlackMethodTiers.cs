namespace PetitionBot.Slack.WebApi;

/// <summary>Slack's published per-method, per-workspace rate tiers: at most so many calls in any minute. Slack allows
/// bursts within the minute ("generous burst behavior" for Tier 4), so a burst of calls goes out at once up to the
/// minute's quota; only calls beyond it wait.</summary>
internal static class SlackMethodTiers
{
    /// <summary>Calls per minute per workspace for a method; null when the method is not paced here
    /// (apps.connections.open is paced by the reconnect back-off; OAuth is per user action). A response_url or a file
    /// upload URL is not a Web API method and has no tier (a response_url takes 5 posts within 30 min, each one its own
    /// URL): pacing them under a default tier would put every team's replies in one shared bucket.</summary>
    public static int? PerMinute(string method) => method switch
    {
        "apps.connections.open" or "oauth.v2.access" or "response_url" or "file_upload" => null,
        "usergroups.list" or "usergroups.users.list" or "conversations.list" => 20,
        "conversations.open" or "conversations.info" or "auth.test" => 50,

        // chat.postMessage has no published workspace number ("several hundred per minute"); per channel ≈ 1/s.
        "chat.postMessage" => 300,
        _ => 100,
    };

    /// <summary>chat.postMessage: about one message per second per channel.</summary>
    public static readonly TimeSpan PerChannelInterval = TimeSpan.FromSeconds(1);

    /// <summary>The window the tiers count calls in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
}
