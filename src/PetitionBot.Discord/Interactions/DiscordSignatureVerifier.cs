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

    public DiscordSignatureVerifier(IOptions<DiscordOptions> options) => _key = ImportKey(options.Value.PublicKey);

    public bool IsConfigured => _key is not null;

    public bool Verify(string? timestamp, ReadOnlySpan<byte> body, string? signatureHex)
    {
        if (_key is null || string.IsNullOrEmpty(timestamp))
        {
            return false;
        }

        var stamp = Encoding.UTF8.GetBytes(timestamp);
        var data = new byte[stamp.Length + body.Length];
        stamp.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(stamp.Length));
        return VerifyMessage(_key, data, signatureHex);
    }

    /// <summary>The primitive under <see cref="Verify"/>: an Ed25519 signature (hex) over <paramref name="message"/>
    /// with a hex public key, through the same import and check the endpoint uses. Lets tests run RFC 8032 vectors.</summary>
    internal static bool VerifyMessage(string? publicKeyHex, ReadOnlySpan<byte> message, string? signatureHex) =>
        ImportKey(publicKeyHex) is { } key && VerifyMessage(key, message, signatureHex);

    private static bool VerifyMessage(PublicKey key, ReadOnlySpan<byte> message, string? signatureHex) =>
        signatureHex is { Length: 128 } && signatureHex.All(Uri.IsHexDigit) && Algorithm.Verify(key, message, Convert.FromHexString(signatureHex));

    private static PublicKey? ImportKey(string? hex) =>
        !string.IsNullOrWhiteSpace(hex) && hex.Length == 64 && hex.All(Uri.IsHexDigit)
            ? PublicKey.Import(Algorithm, Convert.FromHexString(hex), KeyBlobFormat.RawPublicKey)
            : null;
}
