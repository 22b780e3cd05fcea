using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Tests.Schools;

public sealed class SchoolDirectorySuggestTests
{
    [Theory]
    [InlineData("ucsf", "ucsf")]
    [InlineData("UC San F", "ucsf")]
    [InlineData("harv", "harvard")]
    [InlineData("pcom", "pcom")]
    [InlineData("johns hop", "jhu")]
    [InlineData("stanfrod", "stanford")]
    public void Suggest_Prefix_RanksTheSchoolFirst(string query, string expected)
    {
        Assert.Equal(expected, ShippedSchools.Directory.Suggest(query)[0].Id);
    }

    [Fact]
    public void Suggest_WordPrefix_FindsEverySchoolWithTheWord()
    {
        var ids = ShippedSchools.Directory.Suggest("michigan").Select(s => s.Id).ToList();

        Assert.Equal("umich", ids[0]);
        Assert.Contains("msu-chm", ids);
        Assert.Contains("msucom", ids);
        Assert.Contains("wmed", ids);
    }

    [Fact]
    public void Suggest_Empty_GivesFirstSchoolsAlphabetically()
    {
        var first = ShippedSchools.Directory.Suggest("", 25);

        Assert.Equal(25, first.Count);
        Assert.Equal(first.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s => s.Id), first.Select(s => s.Id));
    }

    [Fact]
    public void Suggest_Max_IsRespected()
    {
        Assert.Equal(3, ShippedSchools.Directory.Suggest("university", 3).Count);
        Assert.Empty(ShippedSchools.Directory.Suggest("xqzzy"));
    }

    [Fact]
    public void Constructor_LaterEntrySameId_OverridesEarlier()
    {
        var directory = new SchoolDirectory([
            new School("ucsf", "Old name", SchoolKind.MD, "CA", [], []),
            new School("UCSF", "University of California, San Francisco", SchoolKind.MD, "CA", ["ucsf.edu"], ["UCSF"]),
        ]);

        Assert.Single(directory.All);
        Assert.Equal("ucsf.edu", directory.Find("ucsf")!.EmailDomains[0]);
    }
}
