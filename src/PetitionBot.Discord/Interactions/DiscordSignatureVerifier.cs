using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace PetitionBot.Discord.Interactions;

/// <summary>Ed25519 check of HTTP interactions: signature over the timestamp bytes followed by the raw body bytes,
/// with the application's hex public key (Discord:PublicKey).</summary>
internal sealed class DiscordSignatureVerifier
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey? _key;

    public DiscordSignatureVerifier(IOptions<DiscordOptions> options)
    {
        var hex = options.Value.PublicKey;
        if (!string.IsNullOrWhiteSpace(hex) && hex.Length == 64 && hex.All(Uri.IsHexDigit))
        {
            _key = PublicKey.Import(Algorithm, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey);
        }
    }

    public bool IsConfigured => _key is not null;

    public bool Verify(string? timestamp, ReadOnlySpan<byte> body, string? signatureHex)
    {
        if (_key is null || string.IsNullOrEmpty(timestamp) || signatureHex is not { Length: 128 } || !signatureHex.All(Uri.IsHexDigit))
        {
            return false;
        }

        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var data = new byte[stamp.Length + body.Length];
        stamp.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(stamp.Length));
        return Algorithm.Verify(_key, data, Convert.FromHexString(signatureHex));
    }
}
