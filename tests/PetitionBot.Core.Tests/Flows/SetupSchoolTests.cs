using PetitionBot.Core.Interactions;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

public sealed class SetupSchoolTests : IDisposable
{
    private readonly BotHarness bot = new();
    private readonly Model.Actor admin = BotHarness.Admin();

    public void Dispose() => bot.Dispose();

    [Theory]
    [InlineData("ucsf", "ucsf")]
    [InlineData("lecom-bradenton", "lecom-bradenton")]
    [InlineData("Pritzker", "uchicago")]
    [InlineData("Standford", "stanford")]
    public async Task Setup_SchoolIdOrResolvableText_StoresTheSchoolId(string value, string expected)
    {
        await bot.CommandAsync(admin, CommandCatalog.Setup, (CommandCatalog.SchoolOption, value));

        var saved = await bot.Servers.FindAsync(admin.Server);
        Assert.Equal(expected, saved!.SchoolId);
        Assert.Equal(Schools.ShippedSchools.Directory.Find(expected)!.Name, saved.School);
    }

    [Fact]
    public async Task Setup_AmbiguousSchool_ListsCandidatesAndChangesNothing()
    {
        var reply = await bot.CommandAsync(admin, CommandCatalog.Setup, (CommandCatalog.SchoolOption, "Nova Southeastern"));

        Assert.StartsWith("Nothing was changed", reply.Text, StringComparison.Ordinal);
        Assert.Contains("school:nova-md", reply.Text, StringComparison.Ordinal);
        Assert.Contains("school:nsu-do", reply.Text, StringComparison.Ordinal);
        Assert.Null(await bot.Servers.FindAsync(admin.Server));
    }

    [Fact]
    public async Task Setup_UnknownSchool_RefusedWithClosestAndOtherPrefixKeepsText()
    {
        var refused = await bot.CommandAsync(admin, CommandCatalog.Setup, (CommandCatalog.SchoolOption, "Vandrblit Univ"));
        Assert.Contains("not in the school directory", refused.Text, StringComparison.Ordinal);
        Assert.Contains("school:vanderbilt", refused.Text, StringComparison.Ordinal);

        await bot.CommandAsync(admin, CommandCatalog.Setup, (CommandCatalog.SchoolOption, "other: St. George's University"));

        var saved = await bot.Servers.FindAsync(admin.Server);
        Assert.Equal(("other", "St. George's University"), (saved!.SchoolId, saved.School));
    }
}
