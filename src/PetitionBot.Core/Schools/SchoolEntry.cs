namespace PetitionBot.Core.Schools;

/// <summary>A school with its comparison keys precomputed (see <see cref="SchoolText"/>).</summary>
internal sealed record SchoolEntry(
    School School,
    HashSet<string> LightKeys,
    HashSet<string> HeavyAliases,
    string HeavyName,
    IReadOnlyList<string> HeavyKeys,
    IReadOnlyList<HashSet<string>> TokenSets,
    IReadOnlyList<HashSet<string>> LightWordSets)
{
    public static SchoolEntry For(School s)
    {
        var texts = new List<string> { s.Name };
        texts.AddRange(s.Aliases);
        var light = new HashSet<string>(texts.Select(SchoolText.Light).Where(k => k.Length > 0), StringComparer.Ordinal)
        {
            SchoolText.Light(s.Id),
        };
        var heavyAliases = new HashSet<string>(s.Aliases.Select(SchoolText.Heavy).Where(k => k.Length > 0), StringComparer.Ordinal);
        var heavyName = SchoolText.Heavy(s.Name);
        var heavyKeys = heavyAliases.Append(heavyName).Where(k => k.Length > 0).Distinct().ToList();
        var tokenSets = heavyKeys.Select(k => new HashSet<string>(k.Split(' '), StringComparer.Ordinal)).ToList();
        var wordSets = light.Select(k => new HashSet<string>(k.Split(' '), StringComparer.Ordinal)).ToList();
        return new SchoolEntry(s, light, heavyAliases, heavyName, heavyKeys, tokenSets, wordSets);
    }
}
