namespace PetitionBot.Reports;

/// <summary>Settings of the chart renderer (section <c>Reports</c>).</summary>
public sealed class ChartRendererOptions
{
    public const string SectionName = "Reports";

    /// <summary>Where DejaVu Sans is on Debian/Ubuntu (package fonts-dejavu-core).</summary>
    public const string DefaultFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>A TrueType font for the chart's text. When unset or missing, <see cref="DefaultFontPath"/> is tried.</summary>
    public string? FontPath { get; set; }
}
