using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.OAuth;

/// <summary>"Add to Slack": <c>GET /slack/install</c> redirects to Slack's authorize page with a signed state;
/// <c>GET /slack/oauth/callback</c> checks the state, exchanges the code with oauth.v2.access and saves the team's bot
/// token through <see cref="IInstallationStore"/>.</summary>
public static class SlackOAuthEndpoints
{
    public const string InstallPath = "/slack/install";
    public const string CallbackPath = "/slack/oauth/callback";

    public static IEndpointRouteBuilder MapSlackOAuth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(InstallPath, Install);
        endpoints.MapGet(CallbackPath, CallbackAsync);
        return endpoints;
    }

    private static IResult Install(HttpContext http, IOptions<SlackOptions> options, SlackOAuthState state)
    {
        var o = options.Value;
        if (!o.HasOAuth)
        {
            return Results.Text("Slack installs are not configured (Slack:ClientId, Slack:ClientSecret).", statusCode: StatusCodes.Status404NotFound);
        }

        var query = new Dictionary<string, string?>
        {
            ["client_id"] = o.ClientId,
            ["scope"] = o.OAuthScopes,
            ["redirect_uri"] = RedirectUri(o),
            ["state"] = state.Create(o.ClientSecret!),
        };
        return Results.Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(o.OAuthAuthorizeUrl, query));
    }

    private static async Task<IResult> CallbackAsync(
        HttpContext http,
        IOptions<SlackOptions> options,
        SlackOAuthState state,
        SlackWebApi api,
        SlackTokenProvider tokens,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SlackOAuthEndpoints).FullName!);
        var o = options.Value;
        var ct = http.RequestAborted;
        if (!o.HasOAuth)
        {
            return Results.NotFound();
        }

        var q = http.Request.Query;
        if (!string.IsNullOrEmpty(q["error"]))
        {
            SlackLog.OAuthRejected(logger, "cancelled on Slack");
            return Results.Text("The installation was cancelled on Slack.", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!state.Validate(o.ClientSecret!, q["state"]))
        {
            SlackLog.OAuthRejected(logger, "bad or expired state");
            return Results.Text("This install link is invalid or expired. Start again from the install page.", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        var code = q["code"].ToString();
        if (string.IsNullOrEmpty(code))
        {
            return Results.Text("Missing code.", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await api.OAuthAccessAsync(o.ClientId!, o.ClientSecret!, code, RedirectUri(o), ct).ConfigureAwait(false);
        var accessToken = result.Body?.AccessToken;
        var teamId = result.Body?.Team?.Id;
        if (!result.Ok || accessToken is null || teamId is null)
        {
            SlackLog.OAuthRejected(logger, "oauth.v2.access " + (result.Error ?? "incomplete answer"));
            return Results.Text("Slack did not accept the installation. Please try again.", "text/plain", statusCode: StatusCodes.Status502BadGateway);
        }

        var store = http.RequestServices.GetService<IInstallationStore>();
        if (store is null)
        {
            SlackLog.OAuthRejected(logger, "no installation store registered");
            return Results.Text("This server cannot store installations.", "text/plain", statusCode: StatusCodes.Status500InternalServerError);
        }

        var workspace = new ServerRef(PlatformKind.Slack, teamId);
        var name = result.Body?.Team?.Name;
        await store.SaveAsync(new Installation(workspace, accessToken, result.Body?.BotUserId, name, time.GetUtcNow()), ct).ConfigureAwait(false);
        tokens.Invalidate(teamId);
        if (http.RequestServices.GetService<IPetitionBot>() is { } bot)
        {
            await bot.ServerJoinedAsync(workspace, name, ct).ConfigureAwait(false);
        }

        SlackLog.Installed(logger, teamId);
        return Results.Text("PetitionBot is installed in your Slack workspace. You can close this page and run /setup in Slack.", "text/plain");
    }

    private static string RedirectUri(SlackOptions o) =>
        o.OAuthRedirectUri ?? throw new InvalidOperationException("Slack:OAuthRedirectUri is required when OAuth is configured.");
}
