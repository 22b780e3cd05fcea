using PetitionBot.Slack.Interactions;

namespace PetitionBot.Slack.Tests.Interactions;

public sealed class SlashCommandParserTests
{
    [Theory]
    [InlineData("/sign", "", "sign")]
    [InlineData("/petition", "", "petition")]
    [InlineData("/petition", "totals", "totals")]
    [InlineData("/petition", "EXPORT", "export")]
    [InlineData("/mydata", "", "mydata")]
    public void Parse_CommandOrUmbrella_CatalogName(string command, string text, string expected) =>
        Assert.Equal(expected, SlashCommandParser.Parse(command, text)!.Name);

    [Fact]
    public void Parse_UnknownCommand_Null() => Assert.Null(SlashCommandParser.Parse("/dance", ""));

    [Fact]
    public void Parse_SetupWithPlainNamesAndCurlyQuotes_Options()
    {
        var parsed = SlashCommandParser.Parse("/petition", "setup channel:#announcements verified_role:<!subteam^S9> strict:no school:\u201CUC San Diego\u201D campaign:ama")!;

        Assert.Null(parsed.Error);
        Assert.Equal("setup", parsed.Name);
        Assert.Equal("announcements", parsed.Options["channel"]);
        Assert.Equal("S9", parsed.Options["verified_role"]);
        Assert.Equal("false", parsed.Options["strict"]);
        Assert.Equal("UC San Diego", parsed.Options["school"]);
        Assert.Equal("ama", parsed.Options["campaign"]);
    }

    [Fact]
    public void Parse_SignWithBareCampaign_CampaignOption() =>
        Assert.Equal("ama2025", SlashCommandParser.Parse("/sign", "ama2025")!.Options["campaign"]);

    [Theory]
    [InlineData("strict:maybe")]
    [InlineData("colour:red")]
    public void Parse_BadOption_ErrorMessage(string text) =>
        Assert.NotNull(SlashCommandParser.Parse("/setup", text)!.Error);

    [Fact]
    public void Parse_EscapedSchoolText_Unescaped() =>
        Assert.Equal("A&M <x>", SlashCommandParser.Parse("/setup", "school:\"A&amp;M &lt;x&gt;\"")!.Options["school"]);

    [Theory]
    [InlineData("/setup", "<#C123|announcements>")]
    [InlineData("/setup", "<#C123>")]
    [InlineData("/petition", "setup <#C123|announcements>")]
    public void Parse_SetupBareChannelMention_SetsTheAnnouncementChannel(string command, string text)
    {
        var parsed = SlashCommandParser.Parse(command, text)!;

        Assert.Null(parsed.Error);
        Assert.Equal("setup", parsed.Name);
        Assert.Equal("C123", parsed.Options["channel"]);
    }

    [Fact]
    public void Parse_SetupBareChannelMentionWithOtherOptions_AllKept()
    {
        var parsed = SlashCommandParser.Parse("/setup", "<#C123|announcements> strict:false")!;

        Assert.Null(parsed.Error);
        Assert.Equal(("C123", "false"), (parsed.Options["channel"], parsed.Options["strict"]));
    }

    [Theory]
    [InlineData("/export", "pdf")]
    [InlineData("/export", "PDF")]
    [InlineData("/export", "format:pdf")]
    [InlineData("/petition", "export pdf")]
    public void Parse_ExportPdf_FormatOption(string command, string text)
    {
        var parsed = SlashCommandParser.Parse(command, text)!;

        Assert.Null(parsed.Error);
        Assert.Equal("export", parsed.Name);
        Assert.Equal("pdf", parsed.Options["format"]);
    }

    [Fact]
    public void Parse_RespondWithQuotedTextAndEscapedLink_Options()
    {
        var text = SlashCommandParser.Parse("/respond", "recipient:AAMC date:2026-04-02 text:\u201CWe hear you &amp; agree\u201D")!;
        var link = SlashCommandParser.Parse("/petition", "respond recipient:AMA link:<https://example.org/a?b=1|example.org/a>")!;

        Assert.Null(text.Error);
        Assert.Equal(("respond", "AAMC", "2026-04-02", "We hear you & agree"), (text.Name, text.Options["recipient"], text.Options["date"], text.Options["text"]));
        Assert.Null(link.Error);
        Assert.Equal("https://example.org/a?b=1", link.Options["link"]);
    }

    [Fact]
    public void Parse_ExportBareCampaign_StillTheCampaign() =>
        Assert.Equal("ama2025", SlashCommandParser.Parse("/export", "ama2025")!.Options["campaign"]);
}
