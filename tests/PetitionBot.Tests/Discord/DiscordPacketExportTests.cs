using System.Text.Json.Nodes;
using PetitionBot.Fakes.Discord;
using PetitionBot.Tests.Support;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Discord;

/// <summary>/export format:pdf through the fake Discord: deferred, then the delivery packet as an ephemeral attachment
/// that pdftotext reads back with the named signer and without the counted-only one.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class DiscordPacketExportTests
{
    [Fact]
    public async Task ExportPdf_Organizer_EphemeralPdfWithNamedSignerOnly()
    {
        await using var bot = await LiveDiscordBot.StartAsync();
        await SignAsync(bot.Fake, "600000000000000501", "Ana Lopez", school: "UC Davis", stage: "MS1", named: true);
        await SignAsync(bot.Fake, "600000000000000502", "Hidden Person", school: "UC Davis", stage: "MS2", named: false);
        var export = FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, LiveDiscordBot.OrganizerId, "export",
            new Dictionary<string, JsonNode?> { ["format"] = "pdf" });

        var (callback, edit, followups) = await DeferredAsync(bot.Fake, export, followups: 1);

        Assert.Equal(64, callback["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("Delivery packet: 3 pages.", Text(edit.Json), StringComparison.Ordinal);
        var upload = Assert.Single(followups);
        Assert.Equal(64, upload.Json!["flags"]!.GetValue<int>());
        var file = Assert.Single(upload.Parts, p => p.FileName is not null);
        Assert.Equal("test-delivery-packet.pdf", file.FileName);
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "packet.pdf");
        await File.WriteAllBytesAsync(path, file.Content);
        var text = await Poppler.TextAsync(path);
        Assert.Contains("Ana Lopez", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Person", text, StringComparison.Ordinal);
        AssertBodiesMatchOpenApi(bot.Fake);
    }
}
