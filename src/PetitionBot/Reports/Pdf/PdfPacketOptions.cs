namespace PetitionBot.Reports.Pdf;

/// <summary>Fonts embedded in the delivery packet (section <c>Reports:Pdf</c>). Defaults are Debian's DejaVu Sans
/// (fonts-dejavu-core) and, when installed, Droid Sans Fallback (fonts-droid-fallback: Chinese, Japanese) and
/// WenQuanYi Micro Hei (fonts-wqy-microhei: also Korean Hangul) as fallbacks.</summary>
public sealed class PdfPacketOptions
{
    public const string SectionName = "Reports:Pdf";

    public const string DefaultRegularPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    public const string DefaultBoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    public const string DefaultCjkPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    public const string DefaultHangulPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    public string RegularFontPath { get; set; } = DefaultRegularPath;

    public string BoldFontPath { get; set; } = DefaultBoldPath;

    /// <summary>Fallback fonts for characters DejaVu lacks, tried in order; each must have TrueType (glyf) outlines
    /// (.ttf, or the first font of a .ttc). A file that is absent is skipped.</summary>
    public string[] FallbackFontPaths { get; set; } = [DefaultCjkPath, DefaultHangulPath];
}
