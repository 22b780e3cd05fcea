using System.Net.Http.Headers;

namespace PetitionBot.Slack.WebApi;

/// <summary>Adds <c>Authorization: Bearer</c> from the request's <see cref="SlackRequestContext"/> (never the query string).</summary>
internal sealed class SlackAuthHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(SlackRequestContext.Key, out var ctx) && !string.IsNullOrEmpty(ctx.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ctx.Token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
