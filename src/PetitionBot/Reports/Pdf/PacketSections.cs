using System.Globalization;
using PdfSharp.Drawing;
using PetitionBot.Core.Reports;

namespace PetitionBot.Reports.Pdf;

/// <summary>The packet's sections, written one after another onto <see cref="PacketCanvas"/>.</summary>
internal sealed class PacketSections(PacketCanvas canvas, TextPainter painter, PacketData data)
{
    public const double BodySize = 10.5;
    public const double RowSize = 9.5;
    public const double RowHeight = 13;

    private static readonly CultureInfo Us = CultureInfo.InvariantCulture;

    public void CoverLetter()
    {
        canvas.NewPage();
        Paragraph(data.Campaign.Title, 18, bold: true, after: 6);
        Paragraph(data.GeneratedAt.UtcDateTime.ToString("MMMM d, yyyy", Us), BodySize, after: 10);
        Paragraph("To:", BodySize, bold: true, after: 0);
        foreach (var recipient in data.Campaign.Recipients)
        {
            Paragraph(recipient, BodySize, after: 0);
        }

        canvas.Y += 10;
        Paragraph("The petition", 12.5, bold: true, after: 2);
        Paragraph(data.Campaign.Summary, BodySize, after: 10);
        Paragraph("Signatures", 12.5, bold: true, after: 2);
        Paragraph($"Total: {N(data.Total)} medical students and resident physicians signed.", BodySize, after: 0);
        Paragraph($"Named on the enclosed list: {N(data.Named)}.", BodySize, after: 0);
        Paragraph($"Counted only (name withheld at the signer's request; included in every count): {N(data.CountedOnly)}.", BodySize, after: 0);
        Paragraph($"Schools and programs: {N(data.Schools.Count)}.", BodySize, after: 0);
        if (data.ByStage.Count > 0)
        {
            Paragraph("By training stage: " + string.Join(", ", data.ByStage.Select(s => $"{s.Label} {N(s.Count)}")) + ".", BodySize, after: 0);
        }

        if (data.ByVerification.Count > 0)
        {
            Paragraph("By verification: " + string.Join(", ", data.ByVerification.Select(s => $"{s.Label} {N(s.Count)}")) + ".", BodySize, after: 0);
        }

        canvas.Y += 10;
        if (!string.IsNullOrWhiteSpace(data.Campaign.SignOff))
        {
            Paragraph(data.Campaign.SignOff, BodySize, after: 0);
        }
    }

    /// <summary>Every school with its counts, largest first.</summary>
    public void SchoolTable()
    {
        canvas.NewPage();
        canvas.ContinuationHeader = () => TableHeading("Signatures by school (continued)");
        TableHeading("Signatures by school");
        const double numbers = 62.0;
        var nameWidth = canvas.ContentWidth - (3 * numbers) - 8;
        foreach (var school in data.SchoolsByCount)
        {
            var lines = painter.Wrap(canvas.G, school.Name, RowSize, nameWidth);
            canvas.Ensure(lines.Count * RowHeight);
            var top = canvas.Y;
            foreach (var line in lines)
            {
                painter.Draw(canvas.G, line, RowSize, canvas.Left, canvas.Y + RowSize);
                canvas.Y += RowHeight;
            }

            var x = canvas.Right - (2 * numbers);
            painter.Draw(canvas.G, N(school.Named), RowSize, x - numbers, top + RowSize, alignRight: true);
            painter.Draw(canvas.G, N(school.CountedOnly), RowSize, x, top + RowSize, alignRight: true);
            painter.Draw(canvas.G, N(school.Total), RowSize, canvas.Right, top + RowSize, alignRight: true);
        }

        canvas.ContinuationHeader = null;

        void TableHeading(string title)
        {
            Paragraph(title, 12.5, bold: true, after: 4);
            var x = canvas.Right - (2 * numbers);
            var baseline = canvas.Y + 9;
            painter.Draw(canvas.G, "School or program", 8.5, canvas.Left, baseline, bold: true);
            painter.Draw(canvas.G, "Named", 8.5, x - numbers, baseline, bold: true, alignRight: true);
            painter.Draw(canvas.G, "Counted only", 8.5, x, baseline, bold: true, alignRight: true);
            painter.Draw(canvas.G, "Total", 8.5, canvas.Right, baseline, bold: true, alignRight: true);
            canvas.Y += 13;
            canvas.G.DrawLine(XPens.LightGray, canvas.Left, canvas.Y - 2, canvas.Right, canvas.Y - 2);
        }
    }

    /// <summary>Named signers grouped by school (alphabetical), with stage and verification.</summary>
    public void Signers()
    {
        canvas.NewPage();
        Paragraph("Named signers by school", 12.5, bold: true, after: 2);
        Paragraph("Counted-only signers are included in the counts above and are not listed by name.", 8.5, after: 6);
        var stageX = canvas.Left + (canvas.ContentWidth * 0.58);
        var verificationX = canvas.Left + (canvas.ContentWidth * 0.74);
        var nameWidth = stageX - canvas.Left - 8;
        foreach (var school in data.Schools.Where(s => s.Signers.Count > 0))
        {
            canvas.ContinuationHeader = () => SchoolHeading(school, continued: true);
            canvas.Ensure(18 + 12 + (2 * RowHeight));
            SchoolHeading(school, continued: false);
            foreach (var signer in school.Signers)
            {
                var lines = painter.Measure(canvas.G, signer.Name, RowSize) <= nameWidth
                    ? [signer.Name]
                    : painter.Wrap(canvas.G, signer.Name, RowSize, nameWidth);
                canvas.Ensure(lines.Count * RowHeight);
                var baseline = canvas.Y + RowSize;
                painter.Draw(canvas.G, signer.Stage, RowSize, stageX, baseline);
                painter.Draw(canvas.G, signer.Verification, RowSize, verificationX, baseline);
                foreach (var line in lines)
                {
                    painter.Draw(canvas.G, line, RowSize, canvas.Left, canvas.Y + RowSize);
                    canvas.Y += RowHeight;
                }
            }

            canvas.Y += 8;
        }

        canvas.ContinuationHeader = null;

        void SchoolHeading(PacketSchool school, bool continued)
        {
            var title = continued ? $"{school.Name} (continued)" : $"{school.Name} — {N(school.Named)} named";
            Paragraph(title, 11, bold: true, after: 1);
            var baseline = canvas.Y + 8;
            painter.Draw(canvas.G, "Name", 8, canvas.Left, baseline, brush: XBrushes.DimGray);
            painter.Draw(canvas.G, "Stage", 8, stageX, baseline, brush: XBrushes.DimGray);
            painter.Draw(canvas.G, "Verification", 8, verificationX, baseline, brush: XBrushes.DimGray);
            canvas.Y += 12;
        }
    }

    /// <summary>The recipients' responses, latest first, on a last page of their own.</summary>
    public void Responses()
    {
        if (data.Responses.Count == 0)
        {
            return;
        }

        canvas.NewPage();
        Paragraph("Responses from the recipients", 12.5, bold: true, after: 6);
        foreach (var response in data.Responses)
        {
            canvas.Ensure(3 * RowHeight);
            Paragraph($"{response.Recipient} — {response.RespondedOn.ToString("MMMM d, yyyy", Us)}", BodySize, bold: true, after: 1);
            Paragraph(response.Text ?? response.Link ?? "", BodySize, after: 10);
        }
    }

    private void Paragraph(string text, double size, bool bold = false, double after = 4)
    {
        var lineHeight = size * 1.3;
        foreach (var line in painter.Wrap(canvas.G, text, size, canvas.ContentWidth, bold))
        {
            canvas.Ensure(lineHeight);
            painter.Draw(canvas.G, line, size, canvas.Left, canvas.Y + size, bold);
            canvas.Y += lineHeight;
        }

        canvas.Y += after;
    }

    private static string N(int value) => value.ToString("N0", Us);
}
