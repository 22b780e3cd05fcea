namespace PetitionBot.Core.Ports;

/// <summary>How a post to a channel ended, in terms the outbox understands.</summary>
public enum PostStatus
{
    /// <summary>Posted (or the platform reports it was already posted under the same dedup key).</summary>
    Delivered = 0,

    /// <summary>Rate limited: try again after <see cref="PostOutcome.RetryAfter"/>.</summary>
    RateLimited = 1,

    /// <summary>A network error, timeout or 5xx: retry with backoff.</summary>
    Transient = 2,

    /// <summary>The channel no longer exists (Discord 404/10003, Slack channel_not_found/is_archived): disable it.</summary>
    ChannelGone = 3,

    /// <summary>The bot may not post there (Discord 403/50001/50013, Slack not_in_channel/restricted_action): disable it.</summary>
    Forbidden = 4,

    /// <summary>The bot's credentials for that server are bad or revoked: retry later, tell the operators.</summary>
    Unauthorized = 5,

    /// <summary>The platform refused the message itself (bad request): do not retry.</summary>
    Rejected = 6,
}
