using System.Globalization;

namespace PetitionBot.Hosting;

/// <summary><c>Http:MetricsUrls</c>: a second, private listener for <c>/metrics</c> and <c>/healthz</c>. When set,
/// those two paths answer 404 on the public listener (<c>Http:Urls</c>) and the private listener serves nothing else.
/// Requests are told apart by the local port of the connection, never by the client-controlled Host header.</summary>
internal static class MetricsListener
{
    public const string Key = "Http:MetricsUrls";

    private static readonly string[] OpsPaths = ["/metrics", "/healthz"];

    public static string[] Split(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The explicit ports of the private listener's URLs (those without one are left out; validation refuses them).</summary>
    public static HashSet<int> Ports(string? urls) =>
        [.. Split(urls).Select(u => Uri.TryCreate(Host(u), UriKind.Absolute, out var uri) ? uri.Port : 0).Where(p => p > 0)];

    /// <summary>A listener URL made parseable: <c>*</c> and <c>+</c> stand for any host.</summary>
    public static string Host(string url) =>
        url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal);

    /// <summary>True when <paramref name="url"/> names its port explicitly (and not 0), so its connections can be recognised.</summary>
    public static bool HasExplicitPort(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var authority = rest.Split('/')[0];
        var colon = authority.LastIndexOf(':');
        return colon >= 0 && !authority.EndsWith(']')
            && int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536;
    }

    public static void UseMetricsListener(this WebApplication app, IReadOnlySet<int> privatePorts) =>
        app.Use(async (context, next) =>
        {
            var onPrivate = privatePorts.Contains(context.Connection.LocalPort);
            var isOps = OpsPaths.Contains(context.Request.Path.Value, StringComparer.OrdinalIgnoreCase);
            if (onPrivate != isOps)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context).ConfigureAwait(false);
        });
}
