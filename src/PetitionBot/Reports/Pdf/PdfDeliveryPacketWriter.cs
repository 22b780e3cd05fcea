using System.Globalization;
using Microsoft.Extensions.Options;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Reports;
using PetitionBot.Core.Ports;

namespace PetitionBot.Reports.Pdf;

/// <summary>The delivery packet as a PDF (PDFsharp): cover letter, schools by count, named signers by school, the
/// recipients' responses; a running header with the campaign title and "Page N of M" with the generation time on every page.</summary>
public sealed partial class PdfDeliveryPacketWriter(IOptions<PdfPacketOptions> options, ILogger<PdfDeliveryPacketWriter> logger) : IDeliveryPacketWriter
{
    public const string ContentType = "application/pdf";

    private readonly Lazy<PacketFonts> _fonts = new(() => PacketFonts.Load(options.Value));

    public DeliveryPacket Write(PacketData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var painter = new TextPainter(_fonts.Value);
        using var document = new PdfDocument();
        document.Info.Title = data.Campaign.Title;
        document.Info.Subject = "Delivery packet";
        document.Info.Creator = "PetitionBot";
        document.Info.CreationDate = data.GeneratedAt.UtcDateTime;
        document.Options.CompressContentStreams = true;

        using (var canvas = new PacketCanvas(document, PaperOf(data.Campaign.PaperSize)))
        {
            var sections = new PacketSections(canvas, painter, data);
            sections.CoverLetter();
            sections.SchoolTable();
            sections.Signers();
            sections.Responses();
        }

        DrawRunningParts(document, painter, data);
        var pages = document.PageCount;
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        if (painter.MissingGlyphs > 0)
        {
            LogMissingGlyphs(logger, data.Campaign.Id, painter.MissingGlyphs);
        }

        var file = new FileAttachment($"{SafeStem(data.Campaign.Id)}-delivery-packet.pdf", ContentType, buffer.ToArray());
        return new DeliveryPacket(file, pages, painter.MissingGlyphs);
    }

    internal static PageSize PaperOf(string? paper) =>
        string.Equals(paper, "A4", StringComparison.OrdinalIgnoreCase) ? PageSize.A4 : PageSize.Letter;

    /// <summary>The running header and the footer go on last, when the page count is known.</summary>
    private static void DrawRunningParts(PdfDocument document, TextPainter painter, PacketData data)
    {
        var generated = "Generated " + data.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var count = document.PageCount;
        for (var i = 0; i < count; i++)
        {
            var page = document.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = page.Width.Point;
            var height = page.Height.Point;
            var left = PacketCanvas.Margin;
            var right = width - PacketCanvas.Margin;
            var title = Fit(painter, g, data.Campaign.Title, 8, right - left - 110);
            painter.Draw(g, title, 8, left, 40, brush: XBrushes.DimGray, count: false);
            painter.Draw(g, "Delivery packet", 8, right, 40, alignRight: true, brush: XBrushes.DimGray, count: false);
            g.DrawLine(XPens.LightGray, left, 46, right, 46);
            g.DrawLine(XPens.LightGray, left, height - 48, right, height - 48);
            painter.Draw(g, generated, 8, left, height - 36, brush: XBrushes.DimGray, count: false);
            painter.Draw(g, $"Page {i + 1} of {count}", 8, right, height - 36, alignRight: true, brush: XBrushes.DimGray, count: false);
        }
    }

    /// <summary>Shortens text with an ellipsis to fit one line (running header only).</summary>
    private static string Fit(TextPainter painter, XGraphics g, string text, double size, double width)
    {
        if (painter.Measure(g, text, size) <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && painter.Measure(g, cut + "…", size) > width)
        {
            cut = cut[..^1];
        }

        return cut.TrimEnd() + "…";
    }

    private static string SafeStem(string id) =>
        new(id.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-').ToArray());

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "Delivery packet for campaign {CampaignId}: {Count} characters have no glyph in the embedded fonts and print as a placeholder")]
    private static partial void LogMissingGlyphs(ILogger logger, string campaignId, int count);
}
