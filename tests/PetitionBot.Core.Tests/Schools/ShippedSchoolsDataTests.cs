using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Tests.Schools;

/// <summary>The shipped directory's data, row by row (see src/PetitionBot/Schools/SOURCES.md for where it comes from).</summary>
public sealed class ShippedSchoolsDataTests
{
    // The 50 states, DC, and the territories (Puerto Rico has four LCME schools).
    private static readonly HashSet<string> States = new(StringComparer.Ordinal)
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
        "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP",
    };

    private static readonly Lazy<IReadOnlyList<School>> Rows = new(() =>
        SchoolCsv.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schools", "us-medical-schools.csv"))));

    [Fact]
    public void Parse_ShippedFile_IdsAreUniqueLowerCaseSlugs()
    {
        var ids = Rows.Value.Select(s => s.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }

    [Fact]
    public void Parse_ShippedFile_NamesAreUniqueWhenNormalized()
    {
        var duplicates = Rows.Value.GroupBy(s => SchoolText.Light(s.Name)).Where(g => g.Count() > 1)
            .Select(g => string.Join(" = ", g.Select(s => s.Id))).ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Parse_ShippedFile_NoAliasIsAnotherSchoolsName()
    {
        var names = Rows.Value.ToDictionary(s => SchoolText.Light(s.Name), s => s.Id);
        var clashes = Rows.Value
            .SelectMany(s => s.Aliases.Select(a => (s.Id, Alias: a)))
            .Where(x => names.TryGetValue(SchoolText.Light(x.Alias), out var owner) && owner != x.Id)
            .Select(x => $"{x.Id}: {x.Alias}").ToList();

        Assert.Empty(clashes);
    }

    [Fact]
    public void Parse_ShippedFile_KindAndStateAreValid()
    {
        Assert.All(Rows.Value, s => Assert.True(s.Kind is SchoolKind.MD or SchoolKind.DO, s.Id));
        Assert.All(Rows.Value, s => Assert.True(States.Contains(s.State), $"{s.Id}: state \"{s.State}\""));
    }

    [Fact]
    public void Parse_ShippedFile_KindMatchesTheName()
    {
        // Every COCA college's name says "Osteopathic"; no LCME school's does (a row with the wrong kind would put its
        // signers in the other column of every count).
        Assert.All(Rows.Value, s => Assert.True(
            s.Name.Contains("Osteopathic", StringComparison.OrdinalIgnoreCase) == (s.Kind == SchoolKind.DO), $"{s.Id}: {s.Kind} {s.Name}"));
    }

    [Fact]
    public void Parse_ShippedFile_EmailDomainsAreWellFormed()
    {
        var domains = Rows.Value.SelectMany(s => s.EmailDomains.Select(d => (s.Id, Domain: d))).ToList();

        Assert.NotEmpty(domains);
        Assert.All(domains, x => Assert.Matches("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", x.Domain));
        Assert.All(Rows.Value, s => Assert.Equal(s.EmailDomains.Count, s.EmailDomains.Distinct().Count()));
    }

    [Theory]
    [InlineData("msu-chm", "msucom", "msu.edu")]
    [InlineData("atsu-soma", "atsu-kcom", "atsu.edu")]
    [InlineData("westernu", "comp-northwest", "westernu.edu")]
    public void Parse_ShippedFile_TwoSchoolsOfOneUniversityShareItsDomain(string one, string other, string domain)
    {
        var byId = Rows.Value.ToDictionary(s => s.Id);

        Assert.Contains(domain, byId[one].EmailDomains);
        Assert.Contains(domain, byId[other].EmailDomains);
    }

    [Fact]
    public void Parse_ShippedFile_CountsMatchTheAccreditorsLists()
    {
        // LCME directory (updated 22 Jul 2026): 163 U.S. programs, plus Cleveland Clinic Lerner (a CWRU program students
        // name separately) = 164 MD rows. AACOM's list (3 Oct 2026): 74 college and location entries, of which the 9
        // locations in their college's own state are aliases of it, plus LECOM Seton Hill (kept from before) = 66 DO rows.
        // The ranges leave room for a new school or two; far outside them, the file lost or duplicated schools.
        var md = Rows.Value.Count(s => s.Kind == SchoolKind.MD);
        var @do = Rows.Value.Count(s => s.Kind == SchoolKind.DO);

        Assert.InRange(md, 160, 172);
        Assert.InRange(@do, 60, 76);
        Assert.Equal(4, Rows.Value.Count(s => s.State == "PR"));
    }
}
