using PetitionBot.Core.Schools;

namespace PetitionBot.Core.Tests.Schools;

public sealed class SchoolCsvTests
{
    [Fact]
    public void Parse_QuotedNameAndLists_ReadsEveryField()
    {
        var schools = SchoolCsv.Parse("id,name,kind,state,email_domains,aliases\r\nucsf,\"University of California, San Francisco\",md,ca,ucsf.edu; @UCSF.EDU,UCSF;UC San Francisco\r\n");

        var s = Assert.Single(schools);
        Assert.Equal(("ucsf", "University of California, San Francisco", SchoolKind.MD, "CA"), (s.Id, s.Name, s.Kind, s.State));
        Assert.Equal(["ucsf.edu"], s.EmailDomains);
        Assert.Equal(["UCSF", "UC San Francisco"], s.Aliases);
    }

    [Theory]
    [InlineData("id,name\nx,y", "line 1")]
    [InlineData("id,name,kind,state,email_domains,aliases\nx,Some School,PhD,CA,,", "line 2")]
    [InlineData("id,name,kind,state,email_domains,aliases\nx,Some School,MD,CA,,\nx,Other School,DO,CA,,", "line 3")]
    [InlineData("id,name,kind,state,email_domains,aliases\n\nx y,Some School,MD,CA,,", "line 3")]
    [InlineData("id,name,kind,state,email_domains,aliases\nx,\"Some School,MD,CA,,", "line 2")]
    [InlineData("id,name,kind,state,email_domains,aliases\nx,Some School,MD,CA,not a domain,", "line 2")]
    [InlineData("id,name,kind,state,email_domains,aliases\nother,Some School,MD,CA,,", "line 2")]
    public void Parse_BadLine_ThrowsNamingTheLine(string csv, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => SchoolCsv.Parse(csv));

        Assert.StartsWith(expected + ":", ex.Message);
    }
}
