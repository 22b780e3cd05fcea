namespace PetitionBot.Reports.Pdf;

/// <summary>Fonts embedded in the delivery packet (section <c>Reports:Pdf</c>). Defaults are Debian's DejaVu Sans
/// (fonts-dejavu-core) and, when installed, Droid Sans Fallback (fonts-droid-fallback) for Chinese, Japanese and Korean.</summary>
public sealed class PdfPacketOptions
{
    public const string SectionName = "Reports:Pdf";

    public const string DefaultRegularPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public const string DefaultBoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    public const string DefaultCjkPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    public string RegularFontPath { get; set; } = DefaultRegularPath;

    public string BoldFontPath { get; set; } = DefaultBoldPath;

    /// <summary>A TrueType (glyf outlines, not a .ttc collection) font for CJK names; skipped when the file is absent.</summary>
    public string CjkFontPath { get; set; } = DefaultCjkPath;
}
