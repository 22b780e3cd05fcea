namespace PetitionBot.Discord.Interactions;

/// <summary>Delays of interaction handling (its own, apart from the gateway's); tests shorten them.</summary>
internal sealed class InteractionTimings
{
    /// <summary>When the core has not answered by then, the interaction is deferred (the hard limit is 3 s).</summary>
    public TimeSpan DeferAfter { get; init; } = TimeSpan.FromSeconds(2);
}
