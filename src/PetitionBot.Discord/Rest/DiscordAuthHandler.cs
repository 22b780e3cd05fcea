using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace PetitionBot.Discord.Rest;

/// <summary>Adds <c>Authorization: Bot TOKEN</c> and the required <c>User-Agent: DiscordBot (url, version)</c>.</summary>
internal sealed class DiscordAuthHandler(IOptions<DiscordOptions> options) : DelegatingHandler
{
    public const string UserAgent = "DiscordBot (https://github.com/petitionbot/petitionbot, 1.0)";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        request.Headers.UserAgent.Clear();
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return base.SendAsync(request, cancellationToken);
    }
}
