using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Tests.Support;
using PetitionBot.Core.Text;

namespace PetitionBot.Core.Tests.Text;

public sealed class InputRulesHardeningTests
{
    [Theory]
    [InlineData("Ana\u200BLopez")]
    [InlineData("Ana Lopez\u200F")]
    [InlineData("\uFEFFAna Lopez")]
    [InlineData("Ana\u00ADLopez")]
    [InlineData("Ana Lopez\U000E0041")]
    [InlineData("\u200B=HYPERLINK(\"x\")")]
    [InlineData("\u200DAna")]
    public void PersonName_InvisibleCharacters_RefusedInOneSentence(string typed)
    {
        var check = InputRules.PersonName(typed);

        Assert.False(check.IsValid);
        Assert.Equal("Full name contains invisible characters; please type it again as plain text.", check.Error);
    }

    [Theory]
    [InlineData("Ana 👩\u200D⚕️ Lopez")]
    [InlineData("Mahsa Rezaei\u200Cnejad")]
    public void PersonName_JoinerBetweenVisibleCharacters_Accepted(string typed) =>
        Assert.True(InputRules.PersonName(typed).IsValid);

    [Fact]
    public void MultiLine_InvisibleCharacter_Refused() =>
        Assert.False(InputRules.MultiLine("Teach-in\u2060 Monday", "Message", 1, 1500).IsValid);

    [Theory]
    [InlineData("Ping {@&123456789012345678} now")]
    [InlineData("See {#987654321098765432}")]
    public void MultiLine_CoreReferenceSyntax_NeverRewrittenIntoAMention(string typed)
    {
        var value = InputRules.MultiLine(typed, "Message", 1, 1500).Value!;

        var rendered = Mention.Rewrite(value, id => $"<#{id}>", id => $"<@&{id}>");

        Assert.DoesNotContain("<@&", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("<#", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Mention_CoreMadeReference_StillRewritten() =>
        Assert.Equal("<#42>", Mention.Rewrite(Mention.Channel("42"), id => $"<#{id}>", id => $"<@&{id}>"));

    [Fact]
    public async Task Update_TypedRoleReference_AnnouncementTextCarriesNoReference()
    {
        using var bot = new BotHarness();
        Actor leader = BotHarness.Leader();
        await bot.SaveServerAsync();
        var form = await bot.CommandAsync(leader, CommandCatalog.Update);
        var preview = await bot.SubmitAsync(leader, form, ("message", "Everyone {@&111} come"));
        await bot.PressAsync(leader, preview, "Post");

        var item = Assert.Single(await bot.Outbox.DueAsync(bot.Time.GetUtcNow(), 10));
        var announcement = await bot.Outbox.FindAnnouncementAsync(item.AnnouncementId);

        Assert.Equal(announcement!.Text, Mention.Rewrite(announcement.Text!, _ => "CHANNEL", _ => "ROLE"));
        Assert.Contains("111", announcement.Text, StringComparison.Ordinal);
    }
}
