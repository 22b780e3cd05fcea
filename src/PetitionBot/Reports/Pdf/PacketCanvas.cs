using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PetitionBot.Reports.Pdf;

/// <summary>The page being written and the vertical position on it. <see cref="Ensure"/> starts a new page when the next
/// block does not fit, and runs <see cref="ContinuationHeader"/> there (e.g. "School (continued)" and column headings).</summary>
internal sealed class PacketCanvas(PdfDocument document, PageSize size) : IDisposable
{
    public const double Margin = 56;
    public const double TopContent = 72;
    public const double BottomSpace = 64;

    private XGraphics? _graphics;

    public XGraphics G => _graphics ?? throw new InvalidOperationException("No page started.");

    public double Y { get; set; }

    public double Left => Margin;

    public double Right => Width - Margin;

    public double ContentWidth => Right - Left;

    public double Width { get; private set; }

    public double Height { get; private set; }

    public Action? ContinuationHeader { get; set; }

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = document.AddPage();
        page.Size = size;
        Width = page.Width.Point;
        Height = page.Height.Point;
        _graphics = XGraphics.FromPdfPage(page);
        Y = TopContent;
    }

    /// <summary>Makes room for <paramref name="height"/> points, on a new page when needed.</summary>
    public void Ensure(double height)
    {
        if (_graphics is null || Y + height > Height - BottomSpace)
        {
            NewPage();
            ContinuationHeader?.Invoke();
        }
    }

    public void Dispose() => _graphics?.Dispose();
}
