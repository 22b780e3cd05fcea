namespace PetitionBot.Fakes.Discord;

/// <summary>How the fake Discord behaves. Defaults follow the real service where a test does not care.</summary>
public sealed class FakeDiscordOptions
{
    public string Token { get; init; } = "RmFrZURpc2NvcmRCb3Q.ZmFrZQ.ZmFrZS1kaXNjb3JkLXRva2Vu";

    public string ApplicationId { get; init; } = "100000000000000001";

    public string BotUserId { get; init; } = "100000000000000002";

    /// <summary>op 10 Hello heartbeat_interval; keep small in tests (e.g. 200 ms) to exercise heartbeats quickly.</summary>
    public int HeartbeatIntervalMs { get; init; } = 41_250;

    /// <summary>Guilds announced with GUILD_CREATE after READY.</summary>
    public IReadOnlyList<FakeGuild> Guilds { get; init; } = [];

    /// <summary>Time after delivery within which the first callback must arrive (else 404 / 10062). Null: no check.</summary>
    public TimeSpan? InteractionDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>session_start_limit.remaining reported by GET /gateway/bot.</summary>
    public int SessionStartRemaining { get; init; } = 1000;

    /// <summary>Per-channel message limit: <see cref="ChannelMessageLimit"/> posts per <see cref="ChannelMessageWindow"/>
    /// (Discord: 5 per 5 s); exceeding it answers 429 and counts a violation.</summary>
    public int ChannelMessageLimit { get; init; } = 5;

    public TimeSpan ChannelMessageWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Global request limit (Discord: 50 per second per bot, interaction endpoints exempt). Null (the default):
    /// not enforced. When set, a request past it answers a global 429 and counts a violation.</summary>
    public int? GlobalRequestsPerSecond { get; init; }
}
