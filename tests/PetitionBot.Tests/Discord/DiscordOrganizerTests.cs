using PetitionBot.Fakes.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Discord;

/// <summary>/totals and /export through the fake Discord: the organizer gets the breakdown, the chart and the CSV
/// privately; a student gets the public numbers and a refusal.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class DiscordOrganizerTests
{
    private const string Student = "600000000000000201";
    private const string Other = "600000000000000202";

    private static async Task<LiveDiscordBot> StartWithTwoSignersAsync()
    {
        var bot = await LiveDiscordBot.StartAsync();
        await SignAsync(bot.Fake, Student, "Ana Lopez", school: "UC Davis", stage: "MS1", named: true);
        await SignAsync(bot.Fake, Other, "Hidden Person", school: "UC Davis", stage: "MS2", named: false);
        return bot;
    }

    [Fact]
    public async Task Totals_Organizer_DeferredBreakdownAndPrivateChart()
    {
        await using var bot = await StartWithTwoSignersAsync();
        var totals = FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, LiveDiscordBot.OrganizerId, "totals");

        var (callback, edit, followups) = await DeferredAsync(bot.Fake, totals, followups: 1);

        Assert.Equal(5, callback["type"]!.GetValue<int>());
        Assert.Equal(64, callback["data"]!["flags"]!.GetValue<int>());
        Assert.Equal(200, edit.Status);
        var text = Text(edit.Json);
        Assert.Contains("Total 2 (1 named, 1 counted only)", text, StringComparison.Ordinal);
        Assert.Contains("By platform", text, StringComparison.Ordinal);
        Assert.Contains("2 of 100", text, StringComparison.Ordinal);
        Assert.Empty(edit.Json!["allowed_mentions"]!["parse"]!.AsArray());
        var chart = Assert.Single(followups);
        Assert.True(chart.IsMultipart);
        Assert.Equal(64, chart.Json!["flags"]!.GetValue<int>());
        var png = Assert.Single(chart.Parts, p => p.FileName is not null);
        Assert.EndsWith(".png", png.FileName, StringComparison.Ordinal);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Content.Take(4));
        AssertBodiesMatchOpenApi(bot.Fake);
    }

    [Fact]
    public async Task Export_Organizer_EphemeralCsvAttachmentWithTheNamedSignerOnly()
    {
        await using var bot = await StartWithTwoSignersAsync();
        var export = FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, LiveDiscordBot.OrganizerId, "export");

        var (callback, edit, followups) = await DeferredAsync(bot.Fake, export, followups: 1);

        Assert.Equal(5, callback["type"]!.GetValue<int>());
        Assert.Equal(64, callback["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("1 named signers of 2 in all", Text(edit.Json), StringComparison.Ordinal);
        var upload = Assert.Single(followups);
        Assert.Equal(200, upload.Status);
        Assert.True(upload.IsMultipart);
        var payload = upload.Json!;
        Assert.Equal(64, payload["flags"]!.GetValue<int>());
        Assert.Empty(payload["allowed_mentions"]!["parse"]!.AsArray());
        var files = upload.Parts.Where(p => p.FileName is not null).ToDictionary(p => p.FileName!, p => p.Text.TrimStart('\uFEFF'));
        Assert.Equal(["test-schools.csv", "test-signers.csv"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal),
            payload["attachments"]!.AsArray().Select(a => a!["filename"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var signers = files["test-signers.csv"].ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.Equal("name,stage,school,signed_at,verification", signers[0]);
        var row = Assert.Single(signers.Skip(1));
        Assert.StartsWith("Ana Lopez,MS1,UC Davis,", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Person", files["test-signers.csv"], StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Person", files["test-schools.csv"], StringComparison.Ordinal);
        Assert.Contains("UC Davis,2", files["test-schools.csv"], StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Fake.Requests.SelectMany(r => r.Parts).Where(p => p.FileName is null), p => p.Text.Contains("Hidden Person", StringComparison.Ordinal));
        AssertBodiesMatchOpenApi(bot.Fake);
    }

    [Fact]
    public async Task TotalsAndExport_Student_PublicNumbersAndRefusalWithoutAttachments()
    {
        await using var bot = await StartWithTwoSignersAsync();
        var totals = FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, Student, "totals");
        var export = FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, Student, "export");

        var (_, totalsEdit, _) = await DeferredAsync(bot.Fake, totals, followups: 0);
        var (_, exportEdit, _) = await DeferredAsync(bot.Fake, export, followups: 0);

        var totalsText = Text(totalsEdit.Json);
        Assert.Contains("2 signatures, 2% of the 100 goal", totalsText, StringComparison.Ordinal);
        Assert.DoesNotContain("named", totalsText, StringComparison.Ordinal);
        Assert.DoesNotContain("UC Davis", totalsText, StringComparison.Ordinal);
        Assert.Equal("Only organizers can use this command here.", Text(exportEdit.Json));
        await Task.Delay(200); // no follow-up with a file comes after the refusal
        Assert.DoesNotContain(WebhookRequests(bot.Fake, totals).Concat(WebhookRequests(bot.Fake, export)), r => r.Method == "POST");
        Assert.DoesNotContain(bot.Fake.Requests, r => r.IsMultipart);
        Assert.DoesNotContain(bot.Fake.Requests, r => r.Body.Contains("Ana Lopez", StringComparison.Ordinal) && !r.Path.StartsWith("interactions/", StringComparison.Ordinal));
    }
}
