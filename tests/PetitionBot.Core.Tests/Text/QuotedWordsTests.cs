using PetitionBot.Core.Text;

namespace PetitionBot.Core.Tests.Text;

public sealed class QuotedWordsTests
{
    [Fact]
    public void Split_SpacesOutsideQuotes_SplitsAndDropsQuotes()
    {
        Assert.Equal(["setup", "school:UC Davis", "strict=true"], QuotedWords.Split("setup  school:\"UC Davis\"\tstrict=true "));
    }

    [Fact]
    public void Split_KeepQuotes_KeepsThemStraight()
    {
        Assert.Equal(["school:\"UC Davis\"", "x"], QuotedWords.Split("school:\u201CUC Davis\u201D x", keepQuotes: true, curlyQuotes: true));
    }

    [Fact]
    public void Split_CurlyQuotesNotAsked_AreOrdinaryCharacters()
    {
        Assert.Equal(["\u201CUC", "Davis\u201D"], QuotedWords.Split("\u201CUC Davis\u201D"));
    }

    [Fact]
    public void Split_UnclosedQuote_RunsToTheEnd()
    {
        Assert.Equal(["a", "b c"], QuotedWords.Split("a \"b c"));
    }

    [Fact]
    public void Split_Blank_NoWords()
    {
        Assert.Empty(QuotedWords.Split("   "));
    }
}
