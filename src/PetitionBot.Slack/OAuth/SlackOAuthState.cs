using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PetitionBot.Slack.OAuth;

/// <summary>The OAuth <c>state</c>: a random nonce and an expiry, signed with HMAC-SHA256 keyed by the client secret, and
/// single use. Stateless across restarts, so a state that Slack echoes back can be checked without a session.</summary>
internal sealed class SlackOAuthState(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly RecentKeys _used = new(10_000);

    public string Create(string secret)
    {
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = nonce + "." + expires;
        return body + "." + Sign(secret, body);
    }

    /// <summary>True once for a state this app issued that has not expired.</summary>
    public bool Validate(string secret, string? state)
    {
        if (string.IsNullOrEmpty(state))
        {
            return false;
        }

        var parts = state.Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, parts[0] + "." + parts[1]));
        var given = Encoding.ASCII.GetBytes(parts[2]);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            && time.GetUtcNow().ToUnixTimeSeconds() <= expires
            && _used.TryAdd(parts[0]);
    }

    private static string Sign(string secret, string body) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("slack-oauth-state:" + body)));
}
