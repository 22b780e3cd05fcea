using System.Buffers.Binary;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Storage;
using PetitionBot.Reports;

namespace PetitionBot.Tests.Reports;

public sealed class ScottPlotChartRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly ScottPlotChartRenderer renderer = new(
        Options.Create(new ChartRendererOptions()),
        NullLogger<ScottPlotChartRenderer>.Instance);

    [Fact]
    public void RenderSignaturesOverTime_WithData_ReturnsPng1200x600()
    {
        var byDay = new List<CountBy>
        {
            new("2025-02-01", "Feb 1", 12),
            new("2025-02-02", "Feb 2", 40),
            new("2025-02-05", "Feb 5", 7),
            new("2025-02-06", "Feb 6", 95),
        };

        var file = renderer.RenderSignaturesOverTime("Reinstate the Sensitive Areas policy", byDay);

        Assert.Equal("signatures-over-time.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        AssertPng(file.Content, 1200, 600);
    }

    [Fact]
    public void RenderSignaturesOverTime_EmptyData_ReturnsPng1200x600()
    {
        var file = renderer.RenderSignaturesOverTime("Reinstate the Sensitive Areas policy", []);

        Assert.Equal("signatures-over-time.png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        AssertPng(file.Content, 1200, 600);
    }

    [Fact]
    public void RenderSignaturesOverTime_SingleDay_ReturnsPng1200x600()
    {
        var file = renderer.RenderSignaturesOverTime("One day", [new CountBy("2025-02-01", "Feb 1", 1)]);

        AssertPng(file.Content, 1200, 600);
    }

    [Fact]
    public void RenderSignaturesOverTime_UnparsableAndZeroDays_RendersAsNoData()
    {
        var file = renderer.RenderSignaturesOverTime("Bad keys", [new CountBy("not-a-day", "?", 3), new CountBy("2025-02-01", "Feb 1", 0)]);

        AssertPng(file.Content, 1200, 600);
    }

    [Fact]
    public void RenderSignaturesOverTime_FontAvailable_DrawsTitleText()
    {
        // ScottPlot silently draws no text without a font; where DejaVu is installed, the title must change pixels.
        if (!File.Exists(ChartRendererOptions.DefaultFontPath))
        {
            return;
        }

        var withTitle = renderer.RenderSignaturesOverTime("Signatures over time", []);
        var withoutTitle = renderer.RenderSignaturesOverTime(string.Empty, []);

        Assert.NotEqual(withTitle.Content, withoutTitle.Content);
    }

    private static void AssertPng(byte[] content, int width, int height)
    {
        Assert.True(content.Length > 33, "too short for a PNG");
        Assert.Equal(PngSignature, content[..8]);
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(8, 4)));
        Assert.Equal("IHDR"u8.ToArray(), content[12..16]);
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(content.AsSpan(20, 4)));
        Assert.Equal("IEND"u8.ToArray(), content[^8..^4]);
    }
}
