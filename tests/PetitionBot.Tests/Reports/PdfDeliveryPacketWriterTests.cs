using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Model;
using PetitionBot.Core.Reports;
using PetitionBot.Core.Storage;
using PetitionBot.Reports.Pdf;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Reports;

public sealed class PdfDeliveryPacketWriterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 30, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Write_ThreeSchools_EachNameUnderItsOwnSchoolHeading()
    {
        var signatures = new List<SignatureRecord>
        {
            Sig("Zoe Park", "UC Davis School of Medicine", "MS1"),
            Sig("Ana López", "Howard University College of Medicine", "MS3"),
            Sig("Ben Ortiz", "UC Davis School of Medicine", "PGY2", Verification.RoleVerified),
            Sig(null, "UC Davis School of Medicine", "MS2"),
            Sig("Carla Nguyễn", "Baylor College of Medicine", "MS4"),
            Sig(null, "Baylor College of Medicine", "MS1"),
        };

        var (packet, text) = await WriteAsync(Campaign(), signatures);

        var signersPart = text[text.IndexOf("Named signers by school", StringComparison.Ordinal)..];
        int At(string s) => signersPart.IndexOf(s, StringComparison.Ordinal);
        Assert.True(At("Baylor College of Medicine — 1 named") < At("Carla Nguyễn"));
        Assert.True(At("Carla Nguyễn") < At("Howard University College of Medicine — 1 named"));
        Assert.True(At("Howard University College of Medicine — 1 named") < At("Ana López"));
        Assert.True(At("Ana López") < At("UC Davis School of Medicine — 2 named"));
        Assert.True(At("UC Davis School of Medicine — 2 named") < At("Ben Ortiz"));
        Assert.True(At("Ben Ortiz") < At("Zoe Park"), "names are alphabetical within a school");
        Assert.Contains("server role", signersPart);
        Assert.Contains("self-attested", signersPart);
        Assert.Equal(0, packet.MissingGlyphs);
    }

    [Fact]
    public async Task Write_CoverLetter_HasRecipientsSummarySignOffAndCounts()
    {
        var campaign = Campaign();
        campaign.SignOff = "On behalf of the organizers, LMSA chapter leads";
        var signatures = Enumerable.Range(0, 7).Select(i => Sig($"Signer {i}", "School A", "MS1"))
            .Append(Sig(null, "School A", "PGY1")).Append(Sig(null, "School B", "PGY1")).ToList();

        var (_, text) = await WriteAsync(campaign, signatures, firstPageOnly: true);

        foreach (var recipient in campaign.Recipients)
        {
            Assert.Contains(recipient, text);
        }

        Assert.Contains("March 10, 2026", text);
        Assert.Contains("Total: 9 medical students", text);
        Assert.Contains("Named on the enclosed list: 7.", text);
        Assert.Contains("): 2.", text);
        Assert.Contains("By training stage: MS1 7, PGY1 2.", text);
        Assert.Contains("By verification: self-attested 9.", text);
        Assert.Contains("LMSA chapter leads", text);
    }

    [Theory]
    [InlineData("Letter", "612 x 792 pts (letter)")]
    [InlineData("A4", "595 x 842 pts (A4)")]
    public async Task Write_ManySigners_PageCountMatchesAndEveryPageNumbered(string paper, string size)
    {
        var campaign = Campaign();
        campaign.PaperSize = paper;
        var signatures = Enumerable.Range(0, 400).Select(i => Sig($"Person {i:D4}", $"School {i % 3}", "MS2")).ToList();

        var (packet, _) = await WriteAsync(campaign, signatures);

        var info = await Poppler.InfoAsync(PathOf());
        Assert.Equal(packet.Pages.ToString(System.Globalization.CultureInfo.InvariantCulture), info["Pages"]);
        Assert.StartsWith(size, info["Page size"], StringComparison.Ordinal);
        // Cover, one page of schools, 400 rows at most ~50 a page, no responses.
        var rowsPerPage = (int)((PageHeight(paper) - PacketCanvas.TopContent - PacketCanvas.BottomSpace) / PacketSections.RowHeight);
        Assert.InRange(packet.Pages, 2 + (int)Math.Ceiling(400.0 / rowsPerPage), 2 + (int)Math.Ceiling(400.0 / (rowsPerPage - 6)) + 1);
        for (var page = 1; page <= packet.Pages; page++)
        {
            var text = await Poppler.TextAsync(PathOf(), page, page);
            Assert.Contains($"Page {page} of {packet.Pages}", text);
            Assert.Contains("Generated 2026-03-10 15:30 UTC", text);
            Assert.Contains("Protected areas petition", text);
        }
    }

    [Fact]
    public async Task Write_NamesInManyScripts_RenderedAndAMissingGlyphCountedAsPlaceholder()
    {
        var signatures = new List<SignatureRecord>
        {
            Sig("José Muñoz", "School A", "MS1"),
            Sig("Nguyễn Thị Minh Khai", "School A", "MS1"),
            Sig("王小明", "School A", "MS1"),
            Sig("김서연", "School A", "MS1"),
            Sig("佐藤ゆき", "School A", "MS1"),
            Sig("محمد علي", "School A", "MS1"),
            Sig("Ana \U00013000 Ruiz", "School A", "MS1"),
        };

        var (packet, text) = await WriteAsync(Campaign(), signatures);

        Assert.Contains("José Muñoz", text);
        Assert.Contains("Nguyễn Thị Minh Khai", text);
        Assert.Contains("王小明", text);
        Assert.Contains("김서연", text);
        Assert.Contains("佐藤ゆき", text);
        Assert.Equal(1, packet.MissingGlyphs);
        Assert.Contains("Ana \uFFFD Ruiz", text);
    }

    [Fact]
    public async Task Write_ArabicName_ShapedJoinedFormsInVisualOrder()
    {
        var (packet, text) = await WriteAsync(Campaign(), [Sig("محمد علي", "School A", "MS1"), Sig("Ana Ruiz", "School A", "MS1")]);

        Assert.Equal(0, packet.MissingGlyphs);

        // Drawn right to left in joined forms (meem initial, hah medial, meem medial, dal final; ayn initial, lam medial,
        // yeh final): pdftotext reads right-to-left glyphs back from the right, so it gives the logical order only when
        // the line was drawn in visual order, and the presentation forms only when it was shaped.
        Assert.Contains("\uFEE3\uFEA4\uFEE4\uFEAA \uFECB\uFEE0\uFEF2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0645\u062D\u0645\u062F", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_WithoutFallbackFonts_CjkNameBecomesCountedPlaceholders()
    {
        var options = new PdfPacketOptions { FallbackFontPaths = [Path.Combine(_dir.Path, "absent.ttf")] };

        var (packet, text) = await WriteAsync(Campaign(), [Sig("王小明", "School A", "MS1")], options: options);

        Assert.Equal(3, packet.MissingGlyphs);
        Assert.Contains("\uFFFD\uFFFD\uFFFD", text);
    }

    [Fact]
    public async Task Write_Responses_ListedOnTheLastPage()
    {
        var responses = new List<RecipientResponse>
        {
            new("r1", "test", "Association of American Medical Colleges (AAMC)", new DateOnly(2026, 4, 2), "We share your concern.", null, Now),
            new("r2", "test", "American Medical Association (AMA)", new DateOnly(2026, 4, 5), null, "https://example.org/ama-statement", Now),
        };

        var (packet, _) = await WriteAsync(Campaign(), [Sig("Ana López", "School A", "MS1")], responses);

        var last = await Poppler.TextAsync(PathOf(), packet.Pages, packet.Pages);
        Assert.Contains("Responses from the recipients", last);
        Assert.Contains("We share your concern.", last);
        Assert.Contains("https://example.org/ama-statement", last);
        Assert.True(last.IndexOf("April 5, 2026", StringComparison.Ordinal) < last.IndexOf("April 2, 2026", StringComparison.Ordinal), "latest first");
    }

    public void Dispose() => _dir.Dispose();

    internal static CampaignDefinition Campaign() => new()
    {
        Id = "test",
        Title = "Protected areas petition",
        Summary = "We ask the recipients to advocate for reinstating the protected areas guidance.",
        ExternalUrl = "https://example.org/public",
        EligibleRoles = ["Medical student"],
        Goal = 1000,
        Recipients =
        [
            "American Medical Association (AMA)", "Association of American Medical Colleges (AAMC)",
            "Liaison Committee on Medical Education (LCME)", "American Osteopathic Association (AOA)",
            "American Association of Colleges of Osteopathic Medicine (AACOM)",
        ],
    };

    internal static SignatureRecord Sig(string? name, string school, string stage, Verification verification = Verification.SelfAttested) =>
        new(Guid.NewGuid().ToString("N"), "test", new SignerAnswers(PlatformKind.Discord, "1", name, school, stage, "Medical student", verification, Now));

    private static double PageHeight(string paper) => paper == "A4" ? 841.89 : 792;

    private string PathOf() => Path.Combine(_dir.Path, "packet.pdf");

    private async Task<(DeliveryPacket Packet, string Text)> WriteAsync(CampaignDefinition campaign, List<SignatureRecord> signatures,
        IReadOnlyList<RecipientResponse>? responses = null, bool firstPageOnly = false, PdfPacketOptions? options = null)
    {
        var writer = new PdfDeliveryPacketWriter(Options.Create(options ?? new PdfPacketOptions()), NullLogger<PdfDeliveryPacketWriter>.Instance);
        var packet = writer.Write(PacketBuilder.Build(campaign, signatures, responses ?? [], Now));
        await File.WriteAllBytesAsync(PathOf(), packet.File.Content);
        var text = await Poppler.TextAsync(PathOf(), firstPageOnly ? 1 : null, firstPageOnly ? 1 : null);
        return (packet, text);
    }
}
