using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Tests.Schools;

/// <summary>The osteopathic colleges that opened most recently (pre-accredited by COCA) are in the shipped file.</summary>
public sealed class ShippedNewCollegesTests
{
    [Theory]
    [InlineData("Duquesne", "duquesne")]
    [InlineData("Duquesne University College of Osteopathic Medicine", "duquesne")]
    [InlineData("Meritus School of Osteopathic Medicine", "meritus")]
    [InlineData("meritus", "meritus")]
    [InlineData("Baptist Health Sciences University", "baptist")]
    [InlineData("BHSU", "baptist")]
    public void Resolve_RecentDoCollege_Found(string typed, string id)
    {
        var match = ShippedSchools.Directory.Resolve(typed);

        Assert.Equal(SchoolMatchKind.Found, match.Kind);
        Assert.Equal(id, match.School!.Id);
        Assert.Equal(SchoolKind.DO, match.School.Kind);
    }
}
