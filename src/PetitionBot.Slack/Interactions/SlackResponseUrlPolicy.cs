namespace PetitionBot.Slack.Interactions;

/// <summary>Which <c>response_url</c> the bot follows: only <c>https://hooks.slack.com/…</c> (default port, no user
/// info) or the origin (scheme, host, port) of <see cref="SlackOptions.ApiBaseUrl"/>. Any other URL in a payload is
/// ignored and the reply goes through the Web API, so a payload cannot make the bot POST to an address of its choosing.</summary>
internal static class SlackResponseUrlPolicy
{
    public const string HooksHost = "hooks.slack.com";

    public static bool IsAllowed(Uri url, string? apiBaseUrl)
    {
        if (!url.IsAbsoluteUri || url.UserInfo.Length > 0)
        {
            return false;
        }

        if (url.Scheme == Uri.UriSchemeHttps && url.IsDefaultPort && string.Equals(url.IdnHost, HooksHost, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var api)
            && Uri.Compare(url, api, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
