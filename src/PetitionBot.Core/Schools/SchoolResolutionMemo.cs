using System.Collections.Concurrent;

namespace PetitionBot.Core.Schools;

/// <summary>What each typed school text resolved to, for a directory that never changes. Bounded: past
/// <see cref="Capacity"/> texts it starts over, so a flood of distinct texts costs memory once, not forever.</summary>
internal sealed class SchoolResolutionMemo
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, SchoolMatch> known = new(StringComparer.Ordinal);

    public int Count => known.Count;

    public SchoolMatch GetOrAdd(string typed, Func<string, SchoolMatch> resolve)
    {
        if (known.TryGetValue(typed, out var match))
        {
            return match;
        }

        match = resolve(typed);
        if (known.Count >= Capacity)
        {
            known.Clear();
        }

        return known.GetOrAdd(typed, match);
    }
}
