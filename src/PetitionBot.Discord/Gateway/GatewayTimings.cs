namespace PetitionBot.Discord.Gateway;

/// <summary>Delays and sizes of the gateway client and its workers; tests shorten them.</summary>
internal sealed class GatewayTimings
{
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait before a new Identify after op 9 d=false (the docs suggest 1–5 s).</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Minimum time between two Identify calls (max_concurrency 1 = one per 5 s).</summary>
    public TimeSpan IdentifySpacing { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Workers handling dispatches; each holds an interaction until its reply is delivered. The work is mostly
    /// waiting (the store, Discord's REST API), so this is a bound on interactions in flight, not on threads. It caps the
    /// rate at workers ÷ the callback's round trip to Discord: 64 workers and a 100 ms round trip allow 640 interactions
    /// a second, so a burst of 1,000 signers (their /sign alone) would queue for 1.6 s of the 3 s deadline; 256 allow
    /// 2,560. (At 1,800 interactions/s on loopback, 16 workers were all busy and dispatches queued for hundreds of
    /// milliseconds before any work started.)</summary>
    public int Workers { get; init; } = 256;

    public int QueueCapacity { get; init; } = 1024;

    /// <summary>How long a session handed over on restart is tried: Discord keeps a session that was not closed with
    /// 1000/1001 resumable for a few minutes; an older one is not worth a failed Resume.</summary>
    public TimeSpan HandoffValidity { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>On stop, how long to wait for Discord to answer the close frame before dropping the socket.</summary>
    public TimeSpan CloseWait { get; init; } = TimeSpan.FromSeconds(2);
}
