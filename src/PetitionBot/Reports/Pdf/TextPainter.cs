using System.Text;
using PdfSharp.Drawing;

namespace PetitionBot.Reports.Pdf;

/// <summary>Draws and measures text with font fallback: each character goes to the first font that has it (DejaVu,
/// then the fallback fonts); a character no font has is drawn as a visible placeholder and counted in
/// <see cref="MissingGlyphs"/>, never dropped.</summary>
internal sealed class TextPainter(PacketFonts fonts)
{
    private readonly Dictionary<(string Family, double Size), XFont> _fonts = [];
    private readonly List<(XFont Font, string Text)> _runs = [];
    private readonly StringBuilder _run = new();

    public int MissingGlyphs { get; private set; }

    /// <summary>The placeholder for a missing glyph: U+FFFD when the regular font has it, else '?'.</summary>
    public string Placeholder => fonts.Regular.Coverage.Covers(0xFFFD) ? "\uFFFD" : "?";

    public double Measure(XGraphics g, string text, double size, bool bold = false)
    {
        var width = 0.0;
        foreach (var (font, run) in Runs(text, size, bold, count: false))
        {
            width += g.MeasureString(run, font).Width;
        }

        return width;
    }

    /// <summary>Draws <paramref name="text"/> with its baseline at <paramref name="baseline"/>, left at <paramref name="x"/>
    /// (or ending at it when <paramref name="alignRight"/>). Missing glyphs are counted unless <paramref name="count"/> is false
    /// (running headers repeat the same text on every page).</summary>
    public void Draw(XGraphics g, string text, double size, double x, double baseline, bool bold = false, bool alignRight = false,
        XBrush? brush = null, bool count = true)
    {
        if (text.Length == 0)
        {
            return;
        }

        var runs = Runs(text, size, bold, count);
        if (alignRight)
        {
            foreach (var (font, run) in runs)
            {
                x -= g.MeasureString(run, font).Width;
            }
        }

        foreach (var (font, run) in runs)
        {
            g.DrawString(run, font, brush ?? XBrushes.Black, x, baseline, XStringFormats.BaseLineLeft);
            if (runs.Count > 1)
            {
                x += g.MeasureString(run, font).Width;
            }
        }
    }

    /// <summary>Greedy word wrap to <paramref name="width"/>; a word longer than a line is cut between characters.
    /// Line breaks in the text are kept.</summary>
    public List<string> Wrap(XGraphics g, string text, double size, double width, bool bold = false)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (Measure(g, paragraph, size, bold) <= width)
            {
                lines.Add(paragraph);
                continue;
            }

            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(g, candidate, size, bold) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                foreach (var rune in word.EnumerateRunes())
                {
                    var next = line.ToString() + rune.ToString();
                    if (line.Length > 0 && Measure(g, next, size, bold) > width)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }

                    line.Append(rune.ToString());
                }
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    private List<(XFont Font, string Text)> Runs(string text, double size, bool bold, bool count)
    {
        _runs.Clear();
        var primary = bold ? fonts.Bold : fonts.Regular;
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        // PDFsharp draws characters as given: right-to-left text is shaped and put in visual order first.
        text = ArabicShaper.Visual(text, primary.Coverage.Covers);

        if (AllCovered(text, primary))
        {
            _runs.Add((FontFor(primary, size), text));
            return [.. _runs];
        }

        PacketFonts.Face? current = null;
        _run.Clear();
        foreach (var rune in text.EnumerateRunes())
        {
            PacketFonts.Face face;
            var piece = rune.ToString();
            if (primary.Coverage.Covers(rune.Value))
            {
                face = primary;
            }
            else if (fonts.Regular.Coverage.Covers(rune.Value))
            {
                face = fonts.Regular;
            }
            else if (Fallback(rune.Value) is { } fallback)
            {
                face = fallback;
            }
            else
            {
                face = fonts.Regular;
                piece = Placeholder;
                MissingGlyphs += count ? 1 : 0;
            }

            if (current is not null && face != current)
            {
                _runs.Add((FontFor(current, size), _run.ToString()));
                _run.Clear();
            }

            current = face;
            _run.Append(piece);
        }

        if (current is not null && _run.Length > 0)
        {
            _runs.Add((FontFor(current, size), _run.ToString()));
        }

        return [.. _runs];
    }

    private PacketFonts.Face? Fallback(int codePoint)
    {
        foreach (var face in fonts.Fallbacks)
        {
            if (face.Coverage.Covers(codePoint))
            {
                return face;
            }
        }

        return null;
    }

    private static bool AllCovered(string text, PacketFonts.Face face)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (!face.Coverage.Covers(rune.Value))
            {
                return false;
            }
        }

        return true;
    }

    private XFont FontFor(PacketFonts.Face face, double size)
    {
        if (!_fonts.TryGetValue((face.Family, size), out var font))
        {
            _fonts[(face.Family, size)] = font = fonts.Font(face, size);
        }

        return font;
    }
}
