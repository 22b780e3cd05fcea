using Microsoft.Extensions.Configuration;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Schools;
using PetitionBot.Schools;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Schools;

/// <summary>The directory as configuration builds it: <c>Schools:File</c> replaces the shipped list; <c>Schools:N</c>
/// entries add a school, or change one by <c>Id</c> keeping what they do not set (aliases are added to).</summary>
public sealed class SchoolDirectoryConfigurationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Directory_SchoolsFile_ReplacesTheShippedList()
    {
        var file = Path.Combine(_dir.Path, "schools.csv");
        File.WriteAllText(file, "id,name,kind,state,email_domains,aliases\n" +
                                "bayside,Bayside School of Medicine,MD,CA,bayside.edu,BSM\n" +
                                "harbor-com,Harbor College of Osteopathic Medicine,DO,OR,,HCOM\n");

        var schools = Directory(new() { ["Schools:File"] = file });

        Assert.Equal(["bayside", "harbor-com"], schools.All.Select(s => s.Id));
        Assert.Null(schools.Find("ucsf"));
        Assert.Equal("bayside", schools.Resolve("bsm").School?.Id);
        Assert.Equal(["bayside.edu"], schools.Find("bayside")!.EmailDomains);
    }

    [Fact]
    public void Directory_EntryWithAShippedId_ChangesOnlyWhatItSetsAndAddsAliases()
    {
        var shipped = Directory([]);
        var before = shipped.Find("ucsf")!;

        var schools = Directory(new()
        {
            ["Schools:0:Id"] = "ucsf",
            ["Schools:0:EmailDomains:0"] = "ucsf.edu",
            ["Schools:0:Aliases:0"] = "Parnassus Med",
        });

        var after = schools.Find("ucsf")!;
        Assert.Equal(shipped.All.Count, schools.All.Count);
        Assert.Equal((before.Name, before.Kind, before.State), (after.Name, after.Kind, after.State));
        Assert.Equal(["ucsf.edu"], after.EmailDomains);
        Assert.Equal(SchoolMatchKind.Found, schools.Resolve("Parnassus Med").Kind);
        Assert.Equal("ucsf", schools.Resolve("Parnassus Med").School!.Id);
        Assert.Equal("ucsf", schools.Resolve("UCSF").School!.Id);
    }

    [Fact]
    public void Directory_NewEntryOnTopOfAFile_AddedAndFoundByItsName()
    {
        var file = Path.Combine(_dir.Path, "schools.csv");
        File.WriteAllText(file, "id,name,kind,state,email_domains,aliases\nbayside,Bayside School of Medicine,MD,CA,,\n");

        var schools = Directory(new()
        {
            ["Schools:File"] = file,
            ["Schools:0:Id"] = "sgu",
            ["Schools:0:Name"] = "St. George's University School of Medicine",
            ["Schools:0:Kind"] = "MD",
            ["Schools:0:EmailDomains:0"] = "sgu.edu",
        });

        Assert.Equal(["bayside", "sgu"], schools.All.Select(s => s.Id));
        Assert.Equal("sgu", schools.Resolve("St Georges University").School?.Id);
        Assert.Equal(["sgu.edu"], schools.Find("sgu")!.EmailDomains);
    }

    private static ISchoolDirectory Directory(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSchoolDirectory();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<ISchoolDirectory>();
    }
}
