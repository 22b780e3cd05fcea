using PetitionBot.Fakes.Slack;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Slack;

/// <summary>"/export pdf" on the fake Slack: the delivery packet arrives as a file in the organizer's DM only, and
/// pdftotext reads it back with the named signer and without the counted-only one.</summary>
public sealed class SlackPacketExportTests
{
    [Fact]
    public async Task ExportPdf_Organizer_PacketInDmWithNamedSignerOnly()
    {
        await using var h = await SlackHost.StartAsync(s => s.Team(SlackHost.TeamA).AddUser("U0ANA").AddUser("U0BEN"));
        await h.Slack.WaitForConnectionAsync();
        await h.SignAsync(SlackHost.TeamA, "U0ANA", "Ana Lopez", named: true);
        await h.SignAsync(SlackHost.TeamA, "U0BEN", "Ben Hidden", named: false);

        await h.Slack.SendSlashCommandAsync(SlackHost.TeamA, SlackHost.Organizer, "/export", "pdf");

        await FakeSlackServer.WaitUntilAsync(() => h.Slack.FilesFor(SlackHost.TeamA, SlackHost.Organizer)
            .Any(f => f.FileName.EndsWith(".pdf", StringComparison.Ordinal)), TimeSpan.FromSeconds(20));
        var pdf = h.Slack.FilesFor(SlackHost.TeamA, SlackHost.Organizer).Single(f => f.FileName.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Equal(FakeSlackServer.DmChannel(SlackHost.Organizer), pdf.ChannelId);
        Assert.DoesNotContain(h.Slack.Files, f => f.FileName.EndsWith(".csv", StringComparison.Ordinal));
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "packet.pdf");
        await File.WriteAllBytesAsync(path, pdf.Content);
        var text = await Poppler.TextAsync(path);
        Assert.Contains("Ana Lopez", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben Hidden", text, StringComparison.Ordinal);
    }
}
