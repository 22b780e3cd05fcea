using PetitionBot.Core.Ports;

namespace PetitionBot.Core.Schools;

/// <summary>The school directory in memory (pure: the host reads the file and configuration and hands the schools in).
/// Resolution, in order: the exact name, alias or id (case, punctuation and diacritics ignored); an alias without the
/// shared words; the name without "School of Medicine"-style words, or every typed word found in a school's name or
/// alias; a school's whole name or alias inside a longer text; then typos (edit distance ≤ 2, ≤ 1 for short words).
/// A degree in the text ("DO", "osteopathic", "MD") decides between schools that otherwise fit equally.</summary>
public sealed class SchoolDirectory : ISchoolDirectory
{
    /// <summary>How many candidates an ambiguous or unknown resolution offers.</summary>
    public const int MaxCandidates = 10;

    /// <summary>How close (0..1) an unknown name must come to a school for the school to be offered.</summary>
    private const double CloseEnough = 0.34;

    private readonly List<SchoolEntry> entries;
    private readonly Dictionary<string, School> byId;
    private readonly ILookup<string, SchoolEntry> byLightKey;
    private readonly ILookup<string, SchoolEntry> byHeavyAlias;
    private readonly SchoolResolutionMemo memo = new();

    public SchoolDirectory(IEnumerable<School> schools)
    {
        // Later entries override earlier ones with the same id (configuration over the file).
        byId = new Dictionary<string, School>(StringComparer.OrdinalIgnoreCase);
        foreach (var school in schools)
        {
            byId[school.Id] = school;
        }

        All = byId.Values.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
        entries = All.Select(SchoolEntry.For).ToList();
        byLightKey = entries.SelectMany(e => e.LightKeys, (e, key) => (e, key)).ToLookup(x => x.key, x => x.e, StringComparer.Ordinal);
        byHeavyAlias = entries.SelectMany(e => e.HeavyAliases, (e, key) => (e, key)).ToLookup(x => x.key, x => x.e, StringComparer.Ordinal);
    }

    public IReadOnlyList<School> All { get; }

    public School? Find(string id) =>
        id is { Length: > 0 } && id != School.OtherId && byId.TryGetValue(id, out var school) ? school : null;

    /// <summary>The directory never changes once built, so a text resolves the same way every time: each distinct text is
    /// resolved once and remembered (a bounded memo; members of one server type the same few names).</summary>
    public SchoolMatch Resolve(string typed) => memo.GetOrAdd(typed ?? "", ResolveNew);

    private SchoolMatch ResolveNew(string typed)
    {
        var light = SchoolText.Light(typed);
        var heavy = SchoolText.Heavy(typed);
        if (light.Length == 0)
        {
            return new SchoolMatch(SchoolMatchKind.Unknown, null, []);
        }

        var hint = SchoolText.KindHint(typed);
        if (Decide(byLightKey[light], hint) is { } exact)
        {
            return exact;
        }

        if (heavy.Length == 0)
        {
            return Unknown(light, heavy);
        }

        if (Decide(byHeavyAlias[heavy], hint) is { } alias)
        {
            return alias;
        }

        var words = heavy.Split(' ');
        var byWords = entries.Where(e => e.HeavyName == heavy || e.TokenSets.Any(set => words.All(set.Contains)))
            .OrderBy(e => e.HeavyName == heavy ? 0 : 1);
        if (Decide(byWords, hint) is { } named)
        {
            return named;
        }

        // A school's whole name or alias inside a longer text ("UCSF Medical Center", "Ohio State Wexner"): the longest wins.
        var inside = entries
            .Select(e => (Entry: e, Size: e.TokenSets.Where(set => set.Count > 0 && set.All(words.Contains)).Select(set => set.Count).DefaultIfEmpty(0).Max()))
            .Where(x => x.Size > 0 && x.Entry.TokenSets.Any(set => set.Count == x.Size && set.Sum(t => t.Length) >= 3))
            .ToList();
        if (inside.Count > 0)
        {
            var best = inside.Max(x => x.Size);
            if (Decide(inside.Where(x => x.Size == best).Select(x => x.Entry), hint) is { } contained)
            {
                return contained;
            }
        }

        var fuzzy = Nearest(heavy);
        if (fuzzy.Count > 0 && Decide(fuzzy, hint) is { } typo)
        {
            return typo;
        }

        return Unknown(light, heavy);
    }

    public IReadOnlyList<School> Suggest(string query, int max = 25)
    {
        if (max <= 0)
        {
            return [];
        }

        var q = SchoolText.Light(query);
        if (q.Length == 0)
        {
            return All.Take(max).ToList();
        }

        var words = q.Split(' ');
        var heavy = SchoolText.Heavy(query);
        var scored = new List<(School School, int Score)>();
        foreach (var e in entries)
        {
            var score = SuggestScore(e, q, words, heavy);
            if (score < int.MaxValue)
            {
                scored.Add((e.School, score));
            }
        }

        return scored.OrderBy(x => x.Score).ThenBy(x => x.School.Name, StringComparer.OrdinalIgnoreCase)
            .Take(max).Select(x => x.School).ToList();
    }

    private static int SuggestScore(SchoolEntry e, string q, string[] words, string heavy)
    {
        if (e.LightKeys.Contains(q))
        {
            return 0;
        }

        if (e.LightKeys.Any(k => k.StartsWith(q, StringComparison.Ordinal)))
        {
            return 1;
        }

        if (e.LightWordSets.Any(set => words.All(w => set.Any(t => t.StartsWith(w, StringComparison.Ordinal)))))
        {
            return 2;
        }

        if (e.LightKeys.Any(k => k.Contains(q, StringComparison.Ordinal)))
        {
            return 3;
        }

        if (heavy.Length >= 5)
        {
            var limit = heavy.Length >= 8 ? 2 : 1;
            var d = e.HeavyKeys.Select(k => SchoolText.Distance(heavy, k, limit)).DefaultIfEmpty(limit + 1).Min();
            if (d <= limit)
            {
                return 4 + d;
            }
        }

        return int.MaxValue;
    }

    /// <summary>One school → Found; several → the ones of the hinted degree, if that leaves one; else Ambiguous.</summary>
    private static SchoolMatch? Decide(IEnumerable<SchoolEntry> matches, SchoolKind? hint)
    {
        var list = matches.Select(e => e.School).Distinct().ToList();
        if (list.Count == 0)
        {
            return null;
        }

        if (hint is { } kind && list.Count > 1 && list.Where(s => s.Kind == kind).ToList() is { Count: > 0 } ofKind)
        {
            list = ofKind;
        }

        return list.Count == 1
            ? SchoolMatch.Found(list[0])
            : new SchoolMatch(SchoolMatchKind.Ambiguous, null, list.Take(MaxCandidates).ToList());
    }

    /// <summary>The schools at the smallest edit distance (≤ 2; ≤ 1 under 8 letters; none under 5).</summary>
    private List<SchoolEntry> Nearest(string heavy)
    {
        if (heavy.Length < 5)
        {
            return [];
        }

        var limit = heavy.Length >= 8 ? 2 : 1;
        var best = limit + 1;
        var found = new List<SchoolEntry>();
        foreach (var e in entries)
        {
            var d = e.HeavyKeys.Select(k => SchoolText.Distance(heavy, k, limit)).DefaultIfEmpty(limit + 1).Min();
            if (d < best)
            {
                best = d;
                found.Clear();
            }

            if (d == best && d <= limit)
            {
                found.Add(e);
            }
        }

        return found;
    }

    private SchoolMatch Unknown(string light, string heavy)
    {
        var probe = heavy.Length > 0 ? heavy : light;
        var words = probe.Split(' ');
        var closest = entries
            .Select(e => (e.School, Score: Closeness(e, probe, words)))
            .Where(x => x.Score > CloseEnough)
            .OrderByDescending(x => x.Score).ThenBy(x => x.School.Name, StringComparer.OrdinalIgnoreCase)
            .Take(5).Select(x => x.School).ToList();
        return new SchoolMatch(SchoolMatchKind.Unknown, null, closest);
    }

    /// <summary>0..1: the best of shared words (share of the typed words) and edit similarity over the keys. A similarity
    /// that could not beat the best so far (nor <see cref="CloseEnough"/>) is not computed to the end: the edit distance
    /// stops once it passes the largest distance that would still count.</summary>
    private static double Closeness(SchoolEntry e, string probe, string[] words)
    {
        var best = 0.0;
        foreach (var set in e.TokenSets)
        {
            var shared = words.Count(w => set.Any(t => t == w || (w.Length >= 4 && t.StartsWith(w, StringComparison.Ordinal))));
            best = Math.Max(best, (double)shared / words.Length * 0.9);
        }

        foreach (var key in e.HeavyKeys)
        {
            var limit = Math.Max(key.Length, probe.Length);
            if (limit == 0)
            {
                continue;
            }

            // 1 - d / limit > floor  ⇔  d < limit × (1 - floor): larger distances change nothing.
            var floor = Math.Max(best, CloseEnough);
            var counts = (int)Math.Floor(limit * (1 - floor));
            var d = SchoolText.Distance(probe, key, counts);
            if (d <= counts)
            {
                best = Math.Max(best, 1.0 - ((double)d / limit));
            }
        }

        return best;
    }
}
