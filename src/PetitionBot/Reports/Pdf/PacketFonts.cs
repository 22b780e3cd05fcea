using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PetitionBot.Reports.Pdf;

/// <summary>The packet's fonts (regular, bold, optional CJK fallback) with their coverage, loaded once per writer.</summary>
internal sealed class PacketFonts
{
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    private PacketFonts(Face regular, Face bold, Face? cjk)
    {
        Regular = regular;
        Bold = bold;
        Cjk = cjk;
    }

    public Face Regular { get; }

    public Face Bold { get; }

    public Face? Cjk { get; }

    public static PacketFonts Load(PdfPacketOptions options)
    {
        var regular = LoadFace(options.RegularFontPath)
            ?? throw new InvalidOperationException(
                $"The delivery packet needs a TrueType font at Reports:Pdf:RegularFontPath ({options.RegularFontPath}): install fonts-dejavu-core.");
        var bold = LoadFace(options.BoldFontPath) ?? regular;
        var cjk = LoadFace(options.CjkFontPath);
        return new PacketFonts(regular, bold, cjk);
    }

    public XFont Font(Face face, double size) => new(face.Family, size, XFontStyleEx.Regular, Embedded);

    private static Face? LoadFace(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var family = PacketFontResolver.Instance.Register(Path.GetFullPath(path), bytes);
        return new Face(family, FontCoverage.Read(bytes));
    }

    /// <summary>A registered font file: its family name for PDFsharp and the code points it can draw.</summary>
    internal sealed record Face(string Family, FontCoverage Coverage);
}
