using PetitionBot.Core.Interactions;
using PetitionBot.Core.Reports;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Tests.Support;

namespace PetitionBot.Core.Tests.Flows;

public sealed class PacketExportFlowTests : IDisposable
{
    private readonly BotHarness bot = new();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task ExportPdf_Organizer_GetsPacketOfNamedSignersOnlyAndIsAudited()
    {
        await bot.SignAsync(BotHarness.Student("1001"), name: "Ana Lopez", school: "UCSF School of Medicine");
        await bot.SignAsync(BotHarness.Student("1002"), named: false, name: "Hidden Person", school: "UCSF School of Medicine");
        await bot.SignAsync(BotHarness.Student("1003"), name: "Ben Ortiz", school: "Baylor College of Medicine", stage: "PGY1");

        var reply = await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Export, (CommandCatalog.FormatOption, "PDF"));

        var file = Assert.Single(reply.Attachments);
        Assert.Equal("application/pdf", file.ContentType);
        var lines = System.Text.Encoding.UTF8.GetString(file.Content).Split('\n');
        Assert.Equal(["Baylor College of Medicine|Ben Ortiz|PGY1|self-attested", "UCSF School of Medicine|Ana Lopez|MS2|self-attested"], lines);
        Assert.Equal((3, 2, 1), (bot.Packets.Last!.Total, bot.Packets.Last.Named, bot.Packets.Last.CountedOnly));
        Assert.Equal(Visibility.Private, reply.Visibility);
        Assert.Contains("3 pages", reply.Text, StringComparison.Ordinal);
        var audit = Assert.Single(await bot.Audit.RecentAsync(10));
        Assert.Equal(AuditActions.Export, audit.Action);
        Assert.Contains("format=pdf", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportPdf_Student_IsDeniedAndNothingAudited()
    {
        var reply = await bot.CommandAsync(BotHarness.Student(), CommandCatalog.Export, (CommandCatalog.FormatOption, "pdf"));

        Assert.StartsWith("Only ", reply.Text, StringComparison.Ordinal);
        Assert.Empty(reply.Attachments);
        Assert.Null(bot.Packets.Last);
        Assert.Empty(await bot.Audit.RecentAsync(10));
    }

    [Fact]
    public async Task Export_UnknownFormat_OneSentenceAndNothingExported()
    {
        var reply = await bot.CommandAsync(BotHarness.Organizer(), CommandCatalog.Export, (CommandCatalog.FormatOption, "docx"));

        Assert.Equal("The export format is csv (the default) or pdf; nothing was exported.", reply.Text);
        Assert.Empty(reply.Attachments);
        Assert.Empty(await bot.Audit.RecentAsync(10));
    }

    [Theory]
    [InlineData(Verification.SelfAttested, "self-attested")]
    [InlineData(Verification.RoleVerified, "server role")]
    [InlineData(Verification.SchoolEmail, "school email")]
    [InlineData((Verification)7, "7")]
    public void Label_AnyVerification_ReadsAsWords(Verification verification, string expected) =>
        Assert.Equal(expected, VerificationLabels.Label(verification));

    [Fact]
    public void Words_NewEnumName_SplitsIntoLowercaseWords() =>
        Assert.Equal("school email", VerificationLabels.Words("SchoolEmail"));
}
