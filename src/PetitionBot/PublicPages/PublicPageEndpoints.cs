using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Hosting;

namespace PetitionBot.PublicPages;

/// <summary>With <c>Http:PublicPages=true</c>: <c>GET /p/{campaignId}</c> (HTML), <c>/p/{campaignId}.json</c> and
/// <c>/p/{campaignId}/badge.svg</c>. Anything else under /p (an unknown campaign, traversal, odd characters) is a 404
/// page; query strings are ignored.</summary>
public static partial class PublicPageEndpoints
{
    private const string Security = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex CampaignId();

    public static void MapPublicPages(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<HttpOptions>>().Value.PublicPages)
        {
            return;
        }

        app.MapGet("/p/{**path}", (string? path, HttpContext http, CancellationToken ct) => RouteAsync(http, path ?? "", ct));
    }

    private static Task RouteAsync(HttpContext http, string path, CancellationToken ct)
    {
        if (path.EndsWith("/badge.svg", StringComparison.Ordinal))
        {
            return ServeAsync(http, path[..^10], "image/svg+xml; charset=utf-8", p => System.Text.Encoding.UTF8.GetBytes(PublicBadge.Render(p)), ct);
        }

        return path.EndsWith(".json", StringComparison.Ordinal)
            ? ServeAsync(http, path[..^5], "application/json; charset=utf-8", PublicJson.Render, ct)
            : ServeAsync(http, path, "text/html; charset=utf-8", p => System.Text.Encoding.UTF8.GetBytes(PublicPageHtml.Render(p)), ct);
    }

    private static async Task ServeAsync(HttpContext http, string campaignId, string contentType, Func<Core.Reports.PublicProgress, byte[]> render,
        CancellationToken ct)
    {
        var campaign = CampaignId().IsMatch(campaignId) ? http.RequestServices.GetRequiredService<CampaignDirectory>().Find(campaignId) : null;
        if (campaign is null)
        {
            await NotFoundAsync(http);
            return;
        }

        var progress = await http.RequestServices.GetRequiredService<PublicProgressCache>().GetAsync(campaign, ct);
        var body = render(progress);
        Headers(http);
        http.Response.Headers.CacheControl = $"public, max-age={(int)PublicProgressCache.Lifetime.TotalSeconds}";
        http.Response.Headers.AccessControlAllowOrigin = "*";
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, ct);
    }

    private static async Task NotFoundAsync(HttpContext http)
    {
        Headers(http);
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(PublicPageHtml.NotFound());
    }

    private static void Headers(HttpContext http)
    {
        http.Response.Headers.ContentSecurityPolicy = Security;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
