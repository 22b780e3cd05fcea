namespace PetitionBot.Discord.Gateway;

/// <summary>Delays of the gateway client and interaction handling; tests shorten them.</summary>
internal sealed class GatewayTimings
{
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait before a new Identify after op 9 d=false (the docs suggest 1–5 s).</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Minimum time between two Identify calls (max_concurrency 1 = one per 5 s).</summary>
    public TimeSpan IdentifySpacing { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When the core has not answered by then, the interaction is deferred (the hard limit is 3 s).</summary>
    public TimeSpan DeferAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Workers handling dispatches; each holds an interaction until its reply is delivered.</summary>
    public int Workers { get; init; } = 16;

    public int QueueCapacity { get; init; } = 1024;
}
