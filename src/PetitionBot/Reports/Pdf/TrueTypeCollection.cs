using System.Buffers.Binary;

namespace PetitionBot.Reports.Pdf;

/// <summary>PDFsharp reads single fonts only: a .ttc collection is turned into a standalone font file holding its first
/// font's tables (copied unchanged, with a fresh table directory).</summary>
internal static class TrueTypeCollection
{
    public static bool IsCollection(ReadOnlySpan<byte> font) => font.Length >= 16 && font.StartsWith("ttcf"u8);

    public static byte[] FirstFont(byte[] collection)
    {
        var directory = (int)BinaryPrimitives.ReadUInt32BigEndian(collection.AsSpan(12));
        var count = BinaryPrimitives.ReadUInt16BigEndian(collection.AsSpan(directory + 4));
        var headerLength = 12 + (count * 16);
        var tables = new List<(int Record, int Offset, int Length)>();
        var size = headerLength;
        for (var i = 0; i < count; i++)
        {
            var record = directory + 12 + (i * 16);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(collection.AsSpan(record + 8));
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(collection.AsSpan(record + 12));
            tables.Add((record, offset, length));
            size += (length + 3) & ~3;
        }

        var font = new byte[size];
        collection.AsSpan(directory, 12).CopyTo(font);
        var at = headerLength;
        for (var i = 0; i < tables.Count; i++)
        {
            var (record, offset, length) = tables[i];
            var target = 12 + (i * 16);
            collection.AsSpan(record, 8).CopyTo(font.AsSpan(target));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(target + 8), (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(target + 12), (uint)length);
            collection.AsSpan(offset, length).CopyTo(font.AsSpan(at));
            at += (length + 3) & ~3;
        }

        return font;
    }
}
