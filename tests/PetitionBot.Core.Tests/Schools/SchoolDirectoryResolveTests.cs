using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Tests.Schools;

public sealed class SchoolDirectoryResolveTests
{
    [Theory]
    // exact names, case, punctuation, diacritics
    [InlineData("University of California, San Francisco School of Medicine", "ucsf")]
    [InlineData("university of california san francisco school of medicine", "ucsf")]
    [InlineData("UNIVERSITY OF CALIFORNIA SAN FRANCISCO", "ucsf")]
    [InlineData("Harvard Medical School", "harvard")]
    [InlineData("the harvard medical school", "harvard")]
    [InlineData("Yale School of Medicine.", "yale")]
    [InlineData("Université de Stanford", "stanford")]
    [InlineData("Medical College of Wisconsin", "mcw")]
    [InlineData("Icahn School of Medicine at Mount Sinai", "sinai")]
    [InlineData("Icahn School of Medicine at Mt. Sinai", "sinai")]
    [InlineData("Saint Louis University", "slu")]
    [InlineData("St. Louis University School of Medicine", "slu")]
    // abbreviations and aliases
    [InlineData("UCSF", "ucsf")]
    [InlineData("ucsf", "ucsf")]
    [InlineData("U.C.S.F.", "ucsf")]
    [InlineData("PCOM", "pcom")]
    [InlineData("Pritzker", "uchicago")]
    [InlineData("WashU", "wustl")]
    [InlineData("Hopkins", "jhu")]
    [InlineData("Johns Hopkins", "jhu")]
    [InlineData("Feinberg", "northwestern")]
    [InlineData("Geisel", "dartmouth")]
    [InlineData("NYITCOM", "nyitcom")]
    [InlineData("Baylor", "baylor")]
    [InlineData("LECOM Bradenton", "lecom-bradenton")]
    [InlineData("Rowan", "rowan-som")]
    // the shared words left out or added
    [InlineData("Stanford", "stanford")]
    [InlineData("Stanford School of Medicine", "stanford")]
    [InlineData("Stanford University", "stanford")]
    [InlineData("Perelman School of Medicine", "penn")]
    [InlineData("Emory Med", "emory")]
    [InlineData("Keck School of Medicine", "usc")]
    [InlineData("Geffen UCLA", "ucla")]
    [InlineData("Dell Medical School", "dell")]
    [InlineData("UCSF Medical Center", "ucsf")]
    [InlineData("Ohio State Wexner", "osu")]
    // DO vs MD
    [InlineData("Nova Southeastern", "ambiguous")]
    [InlineData("Nova Southeastern MD", "nova-md")]
    [InlineData("Nova Southeastern DO", "nsu-do")]
    [InlineData("Nova Southeastern University College of Osteopathic Medicine", "nsu-do")]
    [InlineData("Michigan State", "ambiguous")]
    [InlineData("Michigan State DO", "msucom")]
    [InlineData("Michigan State University College of Osteopathic Medicine", "msucom")]
    [InlineData("Michigan State Human Medicine", "msu-chm")]
    [InlineData("Michigan State M.D.", "msu-chm")]
    // typos within edit distance 2
    [InlineData("Standford", "stanford")]
    [InlineData("Harverd Medical School", "harvard")]
    [InlineData("Jonhs Hopkins", "jhu")]
    [InlineData("Vanderbuilt", "vanderbilt")]
    [InlineData("Northwestrn Feinberg", "northwestern")]
    [InlineData("Dartmoth", "dartmouth")]
    [InlineData("Geissinger Commonwealth", "geisinger")]
    [InlineData("Perelmen", "penn")]
    // several fit equally
    [InlineData("Washington", "ambiguous")]
    [InlineData("Arizona", "ambiguous")]
    [InlineData("Touro", "ambiguous")]
    [InlineData("Texas", "ambiguous")]
    [InlineData("UH", "ambiguous")]
    [InlineData("Wisconsin", "uwisc")]
    [InlineData("PSOM", "ambiguous")]
    // renamed schools: the new official name, the old one and the new short names
    [InlineData("Covenant HealthCare College of Medicine at Central Michigan University", "cmu")]
    [InlineData("Central Michigan University College of Medicine", "cmu")]
    [InlineData("Texas A&M College of Medicine", "tamu")]
    [InlineData("Vashisht", "tamu")]
    [InlineData("UMass Chan Medical School", "umass")]
    [InlineData("Eastern Virginia Medical School", "evms")]
    [InlineData("Perelman School of Medicine at the University of Pennsylvania", "penn")]
    [InlineData("University of South Carolina School of Medicine Columbia", "usc-columbia")]
    [InlineData("UT Health San Antonio", "uthscsa")]
    [InlineData("Floyd", "ambiguous")]
    [InlineData("Heatherington", "comp-northwest")]
    [InlineData("COMP-Northwest", "comp-northwest")]
    [InlineData("Sam Houston State University College of Osteopathic Medicine", "shsu")]
    [InlineData("Gordy COM", "shsu")]
    [InlineData("UNT Health TCOM", "tcom")]
    [InlineData("Nasuti", "duquesne")]
    [InlineData("Kentucky College of Osteopathic Medicine", "kycom")]
    [InlineData("Burrell College of Osteopathic Medicine", "burrell")]
    // new schools (LCME preliminary accreditation, COCA pre-accreditation)
    [InlineData("ASU Shufeldt", "asu")]
    [InlineData("UGA School of Medicine", "uga")]
    [InlineData("Methodist University Cape Fear Valley", "methodist")]
    [InlineData("D'Youville", "dyu-com")]
    [InlineData("IllinoisCOM", "illinoiscom")]
    [InlineData("IUP COM", "iup-com")]
    [InlineData("Xavier", "xavier-com")]
    [InlineData("Northern Colorado DO", "unccom")]
    [InlineData("Valley College of Osteopathic Medicine", "valleycom")]
    // campuses: in another state their own row, in the same state an alias of the college
    [InlineData("Touro Montana", "touro-montana")]
    [InlineData("Touro Middletown", "tourocom")]
    [InlineData("LECOM Jacksonville", "lecom-jacksonville")]
    [InlineData("LMU-DCOM Orange Park", "lmu-orange-park")]
    [InlineData("LMU-DCOM Knoxville", "lmu-dcom")]
    [InlineData("Burrell Florida", "burrell-florida")]
    [InlineData("Burrell", "burrell")] // the short name stays with the main campus, like "LECOM"
    [InlineData("HCOM Dublin", "ohio-hcom")]
    [InlineData("MSUCOM Detroit", "msucom")]
    [InlineData("NSU Tampa Bay", "nsu-do")]
    [InlineData("OSU-COM Cherokee Nation", "okstate")]
    // abbreviations students use
    [InlineData("WCMC", "cornell")]
    [InlineData("ZSOM", "hofstra")]
    [InlineData("HMS", "harvard")]
    [InlineData("PCOM Georgia", "pcom-georgia")]
    [InlineData("EVMS", "evms")]
    public void Resolve_TypedVariant_GivesExpectedSchool(string typed, string expected)
    {
        var match = ShippedSchools.Directory.Resolve(typed);

        var actual = match.Kind switch
        {
            SchoolMatchKind.Found => match.School!.Id,
            SchoolMatchKind.Ambiguous => "ambiguous",
            _ => "unknown: " + string.Join(",", match.Candidates.Select(c => c.Id)),
        };
        Assert.Equal(expected, actual);
        if (match.Kind == SchoolMatchKind.Ambiguous)
        {
            Assert.InRange(match.Candidates.Count, 2, SchoolDirectory.MaxCandidates);
        }
    }

    [Theory]
    [InlineData("Hogwarts School of Witchcraft")]
    [InlineData("Zzzzqx")]
    [InlineData("   ")]
    [InlineData("School of Medicine")]
    public void Resolve_NoSchoolFits_IsUnknown(string typed)
    {
        Assert.Equal(SchoolMatchKind.Unknown, ShippedSchools.Directory.Resolve(typed).Kind);
    }

    [Fact]
    public void Resolve_FarTypo_IsUnknownWithClosestCandidates()
    {
        var match = ShippedSchools.Directory.Resolve("Vandrblit Univ");

        Assert.Equal(SchoolMatchKind.Unknown, match.Kind);
        Assert.Contains(match.Candidates, s => s.Id == "vanderbilt");
    }

    [Fact]
    public void Resolve_AmbiguousDegreeHint_NarrowsToTheDegree()
    {
        var match = ShippedSchools.Directory.Resolve("Nova Southeastern");

        Assert.Equal(["nova-md", "nsu-do"], match.Candidates.Select(c => c.Id).Order().ToArray());
    }

    [Fact]
    public void Find_KnownAndOther_ReturnsSchoolOrNull()
    {
        Assert.Equal("UCSF", ShippedSchools.Directory.Find("UCSF")?.Aliases[0]);
        Assert.Null(ShippedSchools.Directory.Find(School.OtherId));
        Assert.Null(ShippedSchools.Directory.Find("nope"));
    }

    [Fact]
    public void All_ShippedFile_HoldsEveryMdAndDoSchool()
    {
        var all = ShippedSchools.Directory.All;

        Assert.InRange(all.Count(s => s.Kind == SchoolKind.MD), 150, 175);
        Assert.InRange(all.Count(s => s.Kind == SchoolKind.DO), 40, 80);
        Assert.All(all, s => Assert.Matches("^[a-z0-9-]+$", s.Id));
    }
}
