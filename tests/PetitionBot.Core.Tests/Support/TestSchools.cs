using System.Text;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Tests.Support;

/// <summary>A small school directory for flow tests (the real directory and its resolver are tested on their own).</summary>
public sealed class TestSchools : ISchoolDirectory
{
    public IReadOnlyList<School> All { get; } =
    [
        new("ucsf", "UCSF School of Medicine", SchoolKind.MD, "CA", ["ucsf.edu"], ["University of California, San Francisco"]),
        new("ucdavis", "UC Davis School of Medicine", SchoolKind.MD, "CA", ["ucdavis.edu"], ["UC Davis"]),
        new("umich", "University of Michigan Medical School", SchoolKind.MD, "MI", ["umich.edu"], ["Michigan"]),
        new("touro-ca", "Touro University California College of Osteopathic Medicine", SchoolKind.DO, "CA", ["tu.edu"], ["TUCOM"]),
        new("touro-ny", "Touro College of Osteopathic Medicine", SchoolKind.DO, "NY", ["touro.edu"], ["TouroCOM"]),
        new("nodomain", "Zzyzx Medical College", SchoolKind.MD, "CA", [], []),
    ];

    public School? Find(string id) => All.FirstOrDefault(s => s.Id == id.Trim());

    public SchoolMatch Resolve(string typed)
    {
        var key = Key(typed);
        var exact = All.Where(s => Key(s.Id) == key || Key(s.Name) == key || s.Aliases.Any(a => Key(a) == key)).ToList();
        if (exact.Count == 1)
        {
            return SchoolMatch.Found(exact[0]);
        }

        var near = All.Where(s => key.Length > 0 && Key(s.Name).Contains(key, StringComparison.Ordinal)).ToList();
        return near.Count > 1 ? new SchoolMatch(SchoolMatchKind.Ambiguous, null, near) : new SchoolMatch(SchoolMatchKind.Unknown, null, near);
    }

    public IReadOnlyList<School> Suggest(string query, int max = 25) => All.Take(max).ToList();

    private static string Key(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant().Replace("school of medicine", "", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
