using System.Globalization;
using System.Text.Encodings.Web;
using PetitionBot.Core.Reports;

namespace PetitionBot.PublicPages;

/// <summary>A small SVG badge for chapter websites: "signatures | 482 of 1,000".</summary>
public static class PublicBadge
{
    private const double CharWidth = 6.6;

    public static string Render(PublicProgress p)
    {
        const string label = "signatures";
        var value = $"{p.Total.ToString("N0", CultureInfo.InvariantCulture)} of {p.Goal.ToString("N0", CultureInfo.InvariantCulture)}";
        var left = Math.Ceiling((label.Length * CharWidth) + 12);
        var right = Math.Ceiling((value.Length * CharWidth) + 12);
        var width = left + right;
        var alt = HtmlEncoder.Default.Encode($"{p.Title}: {value} signatures ({p.PercentText}% of the goal)");
        string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{F(width)}" height="20" role="img" aria-label="{alt}">
            <title>{alt}</title>
            <rect width="{F(left)}" height="20" fill="#4a4a4a"/>
            <rect x="{F(left)}" width="{F(right)}" height="20" fill="#0b6e4f"/>
            <g fill="#fff" font-family="DejaVu Sans,Verdana,Geneva,sans-serif" font-size="11">
            <text x="{F(left / 2)}" y="14" text-anchor="middle">{label}</text>
            <text x="{F(left + (right / 2))}" y="14" text-anchor="middle">{value}</text>
            </g>
            </svg>
            """;
    }
}
