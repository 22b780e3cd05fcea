using System.Buffers.Binary;
using System.Collections;

namespace PetitionBot.Reports.Pdf;

/// <summary>Which code points a TrueType font has a glyph for, read from its <c>cmap</c> table (format 12 preferred,
/// else format 4). Needed because PDFsharp draws a missing glyph as nothing at all.</summary>
internal sealed class FontCoverage
{
    private const int CodeSpace = 0x110000;
    private readonly BitArray _covered = new(CodeSpace);

    private FontCoverage()
    {
    }

    public bool Covers(int codePoint) => codePoint is >= 0 and < CodeSpace && _covered[codePoint];

    /// <summary>Reads the font's coverage; a font without a usable Unicode cmap covers nothing.</summary>
    public static FontCoverage Read(ReadOnlySpan<byte> font)
    {
        var coverage = new FontCoverage();
        // A collection (.ttc) starts with "ttcf"; its first font's table directory is at the first offset.
        var directory = TrueTypeCollection.IsCollection(font) ? (int)U32(font, 12) : 0;
        var cmap = FindTable(font, directory, "cmap");
        if (cmap.IsEmpty)
        {
            return coverage;
        }

        int format4 = -1, format12 = -1;
        var count = U16(cmap, 2);
        for (var i = 0; i < count; i++)
        {
            var record = 4 + (i * 8);
            var platform = U16(cmap, record);
            var encoding = U16(cmap, record + 2);
            var offset = (int)U32(cmap, record + 4);
            if (offset <= 0 || offset + 2 > cmap.Length)
            {
                continue;
            }

            var format = U16(cmap, offset);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (unicode && format == 12)
            {
                format12 = offset;
            }
            else if (unicode && format == 4 && format4 < 0)
            {
                format4 = offset;
            }
        }

        if (format12 >= 0)
        {
            coverage.ReadFormat12(cmap[format12..]);
        }
        else if (format4 >= 0)
        {
            coverage.ReadFormat4(cmap[format4..]);
        }

        return coverage;
    }

    private void ReadFormat12(ReadOnlySpan<byte> table)
    {
        var groups = (int)U32(table, 12);
        for (var g = 0; g < groups && 16 + (g * 12) + 12 <= table.Length; g++)
        {
            var at = 16 + (g * 12);
            var start = (int)Math.Min(U32(table, at), CodeSpace - 1);
            var end = (int)Math.Min(U32(table, at + 4), CodeSpace - 1);
            var glyph = U32(table, at + 8);
            for (var c = start; c <= end; c++)
            {
                if (glyph + (uint)(c - start) != 0)
                {
                    _covered[c] = true;
                }
            }
        }
    }

    private void ReadFormat4(ReadOnlySpan<byte> table)
    {
        var segments = U16(table, 6) / 2;
        var ends = 14;
        var starts = ends + (segments * 2) + 2;
        var deltas = starts + (segments * 2);
        var rangeOffsets = deltas + (segments * 2);
        for (var s = 0; s < segments; s++)
        {
            var end = U16(table, ends + (s * 2));
            var start = U16(table, starts + (s * 2));
            var delta = U16(table, deltas + (s * 2));
            var rangeAt = rangeOffsets + (s * 2);
            var range = U16(table, rangeAt);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (range == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeAt + range + ((c - start) * 2);
                    glyph = at + 2 <= table.Length ? U16(table, at) : 0;
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    _covered[c] = true;
                }
            }
        }
    }

    private static ReadOnlySpan<byte> FindTable(ReadOnlySpan<byte> font, int directory, string tag)
    {
        if (font.Length < directory + 12)
        {
            return default;
        }

        var tables = U16(font, directory + 4);
        for (var i = 0; i < tables; i++)
        {
            var record = directory + 12 + (i * 16);
            if (record + 16 > font.Length)
            {
                break;
            }

            if (font[record] == tag[0] && font[record + 1] == tag[1] && font[record + 2] == tag[2] && font[record + 3] == tag[3])
            {
                var offset = (int)U32(font, record + 8);
                var length = (int)U32(font, record + 12);
                return offset >= 0 && length > 0 && offset + length <= font.Length ? font.Slice(offset, length) : default;
            }
        }

        return default;
    }

    private static int U16(ReadOnlySpan<byte> data, int at) =>
        at >= 0 && at + 2 <= data.Length ? BinaryPrimitives.ReadUInt16BigEndian(data[at..]) : 0;

    private static uint U32(ReadOnlySpan<byte> data, int at) =>
        at >= 0 && at + 4 <= data.Length ? BinaryPrimitives.ReadUInt32BigEndian(data[at..]) : 0;
}
