using System.Globalization;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;
using ScottPlot;
using PetitionBot.Core.Ports;

namespace PetitionBot.Reports;

/// <summary>Draws signatures per day (bars, left axis) and the running total (line, right axis) with ScottPlot,
/// as a 1200x600 PNG. ScottPlot draws no text at all when it finds no font, so a TrueType font is registered
/// once per process from <see cref="ChartRendererOptions.FontPath"/> or the usual DejaVu Sans location.</summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    public const string FileName = "signatures-over-time.png";
    public const string ContentType = "image/png";
    public const int Width = 1200;
    public const int Height = 600;
    public const string NoDataText = "No signatures yet";

    /// <summary>The family name the registered font file is known by inside ScottPlot.</summary>
    private const string FontFamily = "PetitionBot Sans";

    /// <summary>Days drawn at most: a longer span keeps only the most recent days.</summary>
    private const int MaxDays = 3660;

    /// <summary>Date labels on the horizontal axis at most (each is about 80 px wide).</summary>
    private const int MaxTicks = 10;

    private static readonly Lock FontGate = new();
    private static bool fontAttempted;

    private readonly ChartRendererOptions options;
    private readonly ILogger<ScottPlotChartRenderer> logger;

    public ScottPlotChartRenderer(IOptions<ChartRendererOptions> options, ILogger<ScottPlotChartRenderer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        this.options = options.Value;
        this.logger = logger;
    }

    public FileAttachment RenderSignaturesOverTime(string title, IReadOnlyList<CountBy> byDay)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(byDay);
        EnsureFont();

        var days = DailyCounts(byDay);
        using var plot = new Plot();
        plot.Title(title);
        if (days.Count == 0)
        {
            DrawEmpty(plot);
        }
        else
        {
            DrawDays(plot, days);
        }

        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return new FileAttachment(FileName, ContentType, png);
    }

    private static void DrawDays(Plot plot, IReadOnlyList<(DateOnly Day, int Count)> days)
    {
        var positions = new double[days.Count];
        var totals = new double[days.Count];
        var bars = new List<Bar>(days.Count);
        var running = 0L;
        var maxDaily = 0;
        for (var i = 0; i < days.Count; i++)
        {
            var (day, count) = days[i];
            positions[i] = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToOADate();
            running += count;
            totals[i] = running;
            maxDaily = Math.Max(maxDaily, count);
            bars.Add(new Bar
            {
                Position = positions[i],
                Value = count,
                Size = 0.8,
                FillColor = Colors.SteelBlue,
                LineWidth = 0,
            });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.LegendText = "Signatures per day";

        var line = plot.Add.Scatter(positions, totals, Colors.DarkOrange);
        line.LineWidth = 3;
        line.MarkerSize = days.Count <= 60 ? 5 : 0;
        line.LegendText = "Total";
        line.Axes.YAxis = plot.Axes.Right;

        SetDayTicks(plot, days, positions);
        plot.Axes.Left.Label.Text = "Signatures per day";
        plot.Axes.Right.Label.Text = "Total signatures";
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

        plot.Axes.SetLimitsX(positions[0] - 0.75, positions[^1] + 0.75);
        plot.Axes.SetLimitsY(0, Math.Max(1, maxDaily) * 1.15, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(1, running) * 1.15, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperLeft);
    }

    /// <summary>At most <see cref="MaxTicks"/> unambiguous ISO date labels (2025-02-01), one per whole day.</summary>
    private static void SetDayTicks(Plot plot, IReadOnlyList<(DateOnly Day, int Count)> days, double[] positions)
    {
        var step = (days.Count + MaxTicks - 1) / MaxTicks;
        var tickPositions = new List<double>();
        var labels = new List<string>();
        for (var i = 0; i < days.Count; i += step)
        {
            tickPositions.Add(positions[i]);
            labels.Add(days[i].Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.SetTicks([.. tickPositions], [.. labels]);
    }

    private static void DrawEmpty(Plot plot)
    {
        var text = plot.Add.Text(NoDataText, 0.5, 0.5);
        text.LabelFontSize = 32;
        text.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.HideGrid();
    }

    /// <summary>Counts per UTC day from the "yyyy-MM-dd" keys, ascending, with the days between them filled
    /// with zeros so the running total stays flat on days without signatures.</summary>
    private static List<(DateOnly Day, int Count)> DailyCounts(IReadOnlyList<CountBy> byDay)
    {
        var counts = new SortedDictionary<DateOnly, int>();
        foreach (var row in byDay)
        {
            if (row.Count > 0
                && DateOnly.TryParseExact(row.Key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                counts[day] = counts.GetValueOrDefault(day) + row.Count;
            }
        }

        var result = new List<(DateOnly Day, int Count)>();
        if (counts.Count == 0)
        {
            return result;
        }

        var last = counts.Keys.Max();
        var first = counts.Keys.Min();
        if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            first = last.AddDays(-(MaxDays - 1));
        }

        for (var day = first; day <= last; day = day.AddDays(1))
        {
            result.Add((day, counts.GetValueOrDefault(day)));
        }

        return result;
    }

    /// <summary>Registers the chart font with ScottPlot once per process (ScottPlot's font list is global).</summary>
    private void EnsureFont()
    {
        lock (FontGate)
        {
            if (fontAttempted)
            {
                return;
            }

            fontAttempted = true;
            var path = FindFont();
            if (path is null)
            {
                logger.LogWarning(
                    "No chart font found (configured {ConfiguredPath}, default {DefaultPath}); chart text may be missing. Install fonts-dejavu-core or set Reports:FontPath",
                    options.FontPath ?? "(none)",
                    ChartRendererOptions.DefaultFontPath);
                return;
            }

            var bold = BoldSibling(path) ?? path;
            Fonts.AddFontFile(FontFamily, path, bold: false, italic: false);
            Fonts.AddFontFile(FontFamily, bold, bold: true, italic: false);
            Fonts.Default = FontFamily;
            logger.LogInformation("Chart font loaded from {FontPath}", path);
        }
    }

    private string? FindFont()
    {
        if (!string.IsNullOrWhiteSpace(options.FontPath))
        {
            if (File.Exists(options.FontPath))
            {
                return options.FontPath;
            }

            logger.LogWarning("Configured chart font {FontPath} does not exist", options.FontPath);
        }

        return File.Exists(ChartRendererOptions.DefaultFontPath) ? ChartRendererOptions.DefaultFontPath : null;
    }

    /// <summary>DejaVuSans.ttf → DejaVuSans-Bold.ttf next to it, when present.</summary>
    private static string? BoldSibling(string path)
    {
        var directory = Path.GetDirectoryName(path);
        var bold = Path.Combine(directory ?? string.Empty, Path.GetFileNameWithoutExtension(path) + "-Bold" + Path.GetExtension(path));
        return File.Exists(bold) ? bold : null;
    }
}
