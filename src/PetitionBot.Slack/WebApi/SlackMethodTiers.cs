namespace PetitionBot.Slack.WebApi;

/// <summary>Slack's published per-method, per-workspace rate tiers, as token-bucket parameters.</summary>
public static class SlackMethodTiers
{
    /// <summary>Sustained calls per minute and burst for a method; null when the method is not paced here
    /// (apps.connections.open is paced by the reconnect back-off; OAuth is per user action).</summary>
    public static (double PerMinute, int Burst)? For(string method) => method switch
    {
        "apps.connections.open" or "oauth.v2.access" => null,
        "usergroups.list" or "usergroups.users.list" or "conversations.list" => (20, 5),
        "conversations.open" or "conversations.info" or "auth.test" => (50, 10),
        "chat.postMessage" => (300, 30),
        _ => (100, 20),
    };

    /// <summary>chat.postMessage: about one message per second per channel.</summary>
    public static readonly TimeSpan PerChannelInterval = TimeSpan.FromSeconds(1);
}
