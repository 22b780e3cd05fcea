namespace PetitionBot.Fakes.Slack;

/// <summary>The Web API limits the fake enforces when <see cref="FakeSlackServer.RateLimits"/> is set (off by default), in
/// their strictest published reading (Slack's rate-limit documentation): chat.postMessage at most one accepted message per channel
/// per <see cref="PerChannelInterval"/>, and per workspace per method at most <see cref="PerMinute"/> accepted calls in any
/// 60 s (Tier 2: 20, Tier 3: 50, Tier 4: 100). A call over a limit answers HTTP 429, <c>ratelimited</c> and a Retry-After
/// (whole seconds, rounded up) and is not counted. chat.postMessage has no published per-workspace number ("several hundred
/// per minute"), so only its per-channel limit is enforced; apps.connections.open and oauth.v2.access are not limited.</summary>
public sealed class FakeSlackRateLimits
{
    /// <summary>chat.postMessage: one message per channel per this interval (Slack: ≈ 1 per second, short bursts allowed).</summary>
    public TimeSpan PerChannelInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Calls per workspace per method in any 60 s; a method not listed is not limited per workspace.</summary>
    public IReadOnlyDictionary<string, int> PerMinute { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["usergroups.list"] = 20,
        ["usergroups.users.list"] = 20,
        ["conversations.list"] = 20,
        ["conversations.info"] = 50,
        ["conversations.open"] = 50,
        ["chat.postEphemeral"] = 100,
        ["users.info"] = 100,
        ["views.open"] = 100,
        ["views.update"] = 100,
        ["files.getUploadURLExternal"] = 100,
        ["files.completeUploadExternal"] = 100,
    };

    /// <summary>The published tiers, as above.</summary>
    public static FakeSlackRateLimits Published { get; } = new();

    /// <summary>The least time any client obeying these limits needs from its first chat.postMessage to its last, when it
    /// posts <paramref name="messagesPerChannel"/> (channel → message count): a channel's messages must be one interval
    /// apart, and no per-workspace limit applies to chat.postMessage; so with one message per channel the floor is zero.</summary>
    public TimeSpan PostFloor(IReadOnlyDictionary<string, int> messagesPerChannel) =>
        messagesPerChannel.Count == 0 ? TimeSpan.Zero : PerChannelInterval * (messagesPerChannel.Values.Max() - 1);
}
