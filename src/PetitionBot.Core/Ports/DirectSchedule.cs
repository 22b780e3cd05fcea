using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

/// <summary>Spreads a fan-out of private messages over time: the n-th message of each platform is due
/// <c>spacing × n</c> after the start, so a store can persist the pace and a restart keeps it.</summary>
public static class DirectSchedule
{
    public static IEnumerable<(ChannelRef Target, DateTimeOffset Due)> Spread(IEnumerable<ChannelRef> targets, DateTimeOffset start, TimeSpan spacing)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var counts = new Dictionary<PlatformKind, int>();
        foreach (var target in targets)
        {
            var n = counts.GetValueOrDefault(target.Platform);
            counts[target.Platform] = n + 1;
            yield return (target, start + (spacing * n));
        }
    }
}
