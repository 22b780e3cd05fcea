using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PetitionBot.Slack.Interactions;

/// <summary>Slack's v0 request signing: HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> keyed with the signing secret,
/// lowercase hex with the prefix <c>v0=</c>, compared in constant time; timestamps more than 5 minutes off are refused.</summary>
internal static class SlackSignatureVerifier
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static string Sign(string signingSecret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return "v0=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>The cheap checks made before the body is read: a <c>v0=</c> signature of 64 hex digits and a timestamp
    /// of whole Unix seconds within <see cref="MaxSkew"/> of <paramref name="now"/>.</summary>
    public static bool HeadersPlausible(string? timestamp, string? signature, DateTimeOffset now) =>
        signature is { Length: 67 } && signature.StartsWith("v0=", StringComparison.Ordinal) && signature[3..].All(Uri.IsHexDigit)
        && timestamp is { Length: > 0 and <= 19 }
        && long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && Math.Abs(now.ToUnixTimeSeconds() - seconds) <= MaxSkew.TotalSeconds;

    public static bool Verify(string signingSecret, string? timestamp, string? signature, string body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > MaxSkew.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(signingSecret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
