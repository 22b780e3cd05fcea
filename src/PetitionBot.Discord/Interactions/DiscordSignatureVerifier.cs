using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace PetitionBot.Discord.Interactions;

/// <summary>Ed25519 check of HTTP interactions: signature over the timestamp bytes followed by the raw body bytes,
/// with the application's hex public key (Discord:PublicKey).</summary>
internal sealed class DiscordSignatureVerifier
{
    /// <summary>How far <c>X-Signature-Timestamp</c> may be from now (either way) before a request is refused.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey? _key;

    public DiscordSignatureVerifier(IOptions<DiscordOptions> options) => _key = ImportKey(options.Value.PublicKey);

    public bool IsConfigured => _key is not null;

    /// <summary>The cheap checks made before the body is read: both headers present, the signature 128 hex digits,
    /// the timestamp whole Unix seconds no more than <see cref="MaxSkew"/> from <paramref name="now"/>.</summary>
    public static bool HeadersPlausible(string? timestamp, string? signatureHex, DateTimeOffset now) =>
        signatureHex is { Length: 128 } && signatureHex.All(Uri.IsHexDigit) && TimestampFresh(timestamp, now);

    /// <summary>True when <paramref name="timestamp"/> is whole Unix seconds within <see cref="MaxSkew"/> of now.</summary>
    public static bool TimestampFresh(string? timestamp, DateTimeOffset now) =>
        timestamp is { Length: > 0 and <= 19 }
        && long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && Math.Abs(now.ToUnixTimeSeconds() - seconds) <= MaxSkew.TotalSeconds;

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
