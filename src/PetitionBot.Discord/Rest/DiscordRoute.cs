using System.Text;

namespace PetitionBot.Discord.Rest;

/// <summary>The rate-limit identity of a request: the route template (ids replaced, except the top-level resource)
/// and the major parameter (channel, guild, webhook or interaction) that splits a bucket. A webhook's or interaction's
/// token stands in the major parameter as a 64-bit hash: the limiter keeps a key per bucket, and a raw token would sit
/// in memory, a secret, for as long as its bucket, and make the bucket larger the longer the token (measured: 400 bytes
/// a bucket with a 37-character token, 720 with 200 characters; 360 with the hash).</summary>
/// <param name="IsInteractionCallback">The interaction's one callback.</param>
/// <param name="IsInteraction">An interaction endpoint: the callback, or a webhook route with its token (the original
/// response and follow-ups; the bot executes no other webhooks). Discord does not count these against the global limit.</param>
internal sealed record DiscordRoute(string Template, string Major, bool IsInteractionCallback, bool IsInteraction)
{
    private static readonly HashSet<string> MajorResources = new(StringComparer.Ordinal) { "channels", "guilds", "webhooks", "interactions" };

    public static DiscordRoute From(HttpMethod method, Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindIndex(segments, s => s.Length > 1 && s[0] == 'v' && char.IsAsciiDigit(s[1]));
        start = start < 0 ? 0 : start + 1;
        var template = new StringBuilder(method.Method);
        var major = "";
        for (var i = start; i < segments.Length; i++)
        {
            var seg = segments[i];
            var prev = i > start ? segments[i - 1] : "";
            var isMajor = i == start + 1 && MajorResources.Contains(prev);
            var isTokenOfMajor = i == start + 2 && segments[start] is "webhooks" or "interactions";
            if (isMajor || isTokenOfMajor)
            {
                major += "/" + (isTokenOfMajor ? Digest(seg) : seg);
                template.Append("/{major}");
            }
            else
            {
                template.Append('/').Append(seg.Length > 0 && char.IsAsciiDigit(seg[0]) ? "{id}" : seg);
            }
        }

        var isCallback = segments.Length > start && segments[start] == "interactions";
        var isInteractionWebhook = segments.Length > start + 2 && segments[start] == "webhooks";
        return new DiscordRoute(template.ToString(), major, isCallback, isCallback || isInteractionWebhook);
    }

    /// <summary>A 64-bit FNV-1a hash of the token, in hex: distinct for distinct tokens in practice, cheap (no allocation
    /// but the result), and not the token.</summary>
    private static string Digest(string token)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash.ToString("X16", System.Globalization.CultureInfo.InvariantCulture);
    }
}
