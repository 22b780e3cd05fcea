using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Tests.Schools;

/// <summary>An unknown name is offered the closest schools; the edit distance behind that stops early once a school
/// cannot come close enough. These tests hold the offer to what the full computation gives.</summary>
public sealed class SchoolDirectoryUnknownTests
{
    private static readonly string[] Words =
        ["bench", "school", "north", "state", "general", "hospital", "river", "valley", "saint", "health", "sciences", "lake"];

    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 8));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Resolve_UnknownOrMangledNames_SameCandidatesAsTheFullEditDistance(int seed)
    {
        var directory = ShippedSchools.Directory;
        var random = new Random(seed);
        var compared = 0;
        for (var n = 0; n < 60; n++)
        {
            var typed = Typed(random, directory);
            var match = directory.Resolve(typed);
            if (match.Kind != SchoolMatchKind.Unknown)
            {
                continue;
            }

            compared++;
            Assert.Equal(Reference(directory, typed), match.Candidates.Select(s => s.Id).ToList());
        }

        Assert.True(compared > 10, $"only {compared} unknown names were compared");
    }

    [Fact]
    public void Distance_LimitBelowTheDistance_ReturnsLimitPlusOne()
    {
        Assert.Equal(3, SchoolText.Distance("kitten", "sitting", 3));
        Assert.Equal(3, SchoolText.Distance("kitten", "sitting", 2));
        Assert.Equal(0, SchoolText.Distance("", "", 0));
        Assert.Equal(4, SchoolText.Distance(new string('a', 200), new string('a', 196) + "bbbb", 10));
    }

    private static string Typed(Random random, SchoolDirectory directory)
    {
        if (random.Next(3) == 0)
        {
            return string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words[random.Next(Words.Length)])) + " " + random.Next(100);
        }

        // A school's name with a few letters changed, dropped or doubled.
        var chars = directory.All[random.Next(directory.All.Count)].Name.ToCharArray().ToList();
        for (var k = random.Next(3, 9); k > 0 && chars.Count > 2; k--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0:
                    chars[at] = (char)('a' + random.Next(26));
                    break;
                case 1:
                    chars.RemoveAt(at);
                    break;
                default:
                    chars.Insert(at, chars[at]);
                    break;
            }
        }

        return new string(chars.ToArray());
    }

    /// <summary>The candidates an unknown name is offered, computed with full edit distances (no early stop).</summary>
    private static List<string> Reference(SchoolDirectory directory, string typed)
    {
        var heavy = SchoolText.Heavy(typed);
        var probe = heavy.Length > 0 ? heavy : SchoolText.Light(typed);
        var words = probe.Split(' ');
        return directory.All.Select(SchoolEntry.For)
            .Select(e => (e.School, Score: Closeness(e, probe, words)))
            .Where(x => x.Score > 0.34)
            .OrderByDescending(x => x.Score).ThenBy(x => x.School.Name, StringComparer.OrdinalIgnoreCase)
            .Take(5).Select(x => x.School.Id).ToList();
    }

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
            best = Math.Max(best, 1.0 - ((double)FullDistance(probe, key) / limit));
        }

        return best;
    }

    private static int FullDistance(string a, string b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            table[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            table[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = Math.Min(Math.Min(table[i - 1, j] + 1, table[i, j - 1] + 1), table[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return table[a.Length, b.Length];
    }
}
