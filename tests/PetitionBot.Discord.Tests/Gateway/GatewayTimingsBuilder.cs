using PetitionBot.Discord.Gateway;
using PetitionBot.Discord.Tests.Support;

namespace PetitionBot.Discord.Tests.Gateway;

/// <summary>Fast timings with one value changed.</summary>
internal sealed class GatewayTimingsBuilder
{
    public GatewayTimings WithDeferAfter(TimeSpan deferAfter)
    {
        var fast = DiscordHarness.FastTimings;
        return new GatewayTimings
        {
            InitialBackoff = fast.InitialBackoff,
            MaxBackoff = fast.MaxBackoff,
            InvalidSessionDelayMin = fast.InvalidSessionDelayMin,
            InvalidSessionDelayMax = fast.InvalidSessionDelayMax,
            IdentifySpacing = fast.IdentifySpacing,
            DeferAfter = deferAfter,
        };
    }
}
