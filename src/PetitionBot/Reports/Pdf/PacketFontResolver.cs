using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace PetitionBot.Reports.Pdf;

/// <summary>PDFsharp's font resolver is one per process: this one serves the font files the packet writers registered,
/// each under a face name derived from its path, so two configurations never mix their fonts.</summary>
internal sealed class PacketFontResolver : IFontResolver
{
    private static readonly Lock Gate = new();
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private PacketFontResolver()
    {
    }

    public static PacketFontResolver Instance { get; } = new();

    /// <summary>Makes the face known to PDFsharp under the returned family name (installs the resolver once).</summary>
    public string Register(string path, byte[] font)
    {
        var face = "pb-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)))[..16];
        _faces.TryAdd(face, font);
        lock (Gate)
        {
            if (!ReferenceEquals(GlobalFontSettings.FontResolver, this))
            {
                GlobalFontSettings.FontResolver = this;
            }
        }

        return face;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        _faces.ContainsKey(familyName) ? new FontResolverInfo(familyName) : null;

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);
}
