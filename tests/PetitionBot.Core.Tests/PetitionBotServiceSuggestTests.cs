using PetitionBot.Core.Interactions;
using PetitionBot.Core.Schools;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests;

/// <summary>The school picker's entries as the service answers them (Discord autocomplete, Slack external_select).</summary>
public sealed class PetitionBotServiceSuggestTests : IDisposable
{
    private readonly BotHarness bot = new();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task SuggestAsync_PartOfAName_SchoolsFirstThenOtherKeepingTheText()
    {
        var found = await SuggestAsync("UC San F");

        Assert.Equal("ucsf", found[0].Value);
        Assert.Equal(BotHarness.Ucsf, found[0].Label);
        Assert.Equal(("other:UC San F", "Other: UC San F (not in the list; keep as typed)"), (found[^1].Value, found[^1].Label));
        Assert.Equal(1, found.Count(s => OtherSchoolValue.TextOf(s.Value) is not null));
    }

    [Fact]
    public async Task SuggestAsync_ManyMatches_AtMostTheLimitWithOtherLast()
    {
        var found = await SuggestAsync("college");

        Assert.Equal(SuggestInput.Max, found.Count);
        Assert.Equal("other:college", found[^1].Value);
    }

    [Theory]
    [InlineData("University of California, San Francisco School of Medicine")]
    [InlineData("ucsf")]
    [InlineData("UCSF School of Medicine")]
    public async Task SuggestAsync_TextThatNamesOneSchool_NoOtherEntry(string typed)
    {
        var found = await SuggestAsync(typed);

        Assert.Equal("ucsf", found[0].Value);
        Assert.DoesNotContain(found, s => s.Value.StartsWith(OtherSchoolValue.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SuggestAsync_OtherTypedOnPurpose_OfferedEvenForAListedSchoolsName()
    {
        var found = await SuggestAsync("other:  UCSF ");

        Assert.Equal(("other:UCSF", "Other: UCSF (not in the list; keep as typed)"), (found[^1].Value, found[^1].Label));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("1")]
    public async Task SuggestAsync_NothingUsableTyped_NoOtherEntry(string typed)
    {
        var found = await SuggestAsync(typed);

        Assert.DoesNotContain(found, s => s.Value.StartsWith(OtherSchoolValue.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SuggestAsync_LongestTypedText_OtherValueWithinAChoicesHundredCharacters()
    {
        var found = await SuggestAsync("Escuela " + new string('m', 86));

        var other = found[^1];
        Assert.StartsWith(OtherSchoolValue.Prefix, other.Value, StringComparison.Ordinal);
        Assert.Equal(100, other.Value.Length);
        Assert.DoesNotContain(await SuggestAsync("Escuela " + new string('m', 87)), s => s.Value.StartsWith(OtherSchoolValue.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SuggestAsync_AnotherField_Nothing()
    {
        Assert.Empty(await bot.Bot.SuggestAsync(new SuggestInput(BotHarness.Student(), null, "stage", "MS")));
    }

    private Task<IReadOnlyList<Suggestion>> SuggestAsync(string typed) =>
        bot.Bot.SuggestAsync(new SuggestInput(BotHarness.Student(), null, CommandCatalog.SchoolOption, typed));
}
