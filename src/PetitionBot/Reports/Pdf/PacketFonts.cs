using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PetitionBot.Reports.Pdf;

/// <summary>The packet's fonts (regular, bold, optional CJK fallback) with their coverage, loaded once per writer.</summary>
internal sealed class PacketFonts
{
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    private PacketFonts(Face regular, Face bold, IReadOnlyList<Face> fallbacks)
    {
        Regular = regular;
        Bold = bold;
        Fallbacks = fallbacks;
    }

    public Face Regular { get; }

    public Face Bold { get; }

    /// <summary>Fonts for characters the regular font lacks (CJK), in the order they are tried.</summary>
    public IReadOnlyList<Face> Fallbacks { get; }

    public static PacketFonts Load(PdfPacketOptions options)
    {
        var regular = LoadFace(options.RegularFontPath)
            ?? throw new InvalidOperationException(
                $"The delivery packet needs a TrueType font at Reports:Pdf:RegularFontPath ({options.RegularFontPath}): install fonts-dejavu-core.");
        var bold = LoadFace(options.BoldFontPath) ?? regular;
        var fallbacks = (options.FallbackFontPaths ?? []).Select(LoadFace).OfType<Face>().ToList();
        return new PacketFonts(regular, bold, fallbacks);
    }

    public XFont Font(Face face, double size) => new(face.Family, size, XFontStyleEx.Regular, Embedded);

    private static Face? LoadFace(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (TrueTypeCollection.IsCollection(bytes))
        {
            bytes = TrueTypeCollection.FirstFont(bytes);
        }

        var family = PacketFontResolver.Instance.Register(Path.GetFullPath(path), bytes);
        return new Face(family, FontCoverage.Read(bytes));
    }

    /// <summary>A registered font file: its family name for PDFsharp and the code points it can draw.</summary>
    internal sealed record Face(string Family, FontCoverage Coverage);
}
