using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Ports;
using PetitionBot.Slack.Interactions;
using PetitionBot.Slack.OAuth;
using PetitionBot.Slack.SocketMode;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack;

/// <summary>Registers the Slack adapter. The host registers <see cref="IPetitionBot"/> and (for multi-workspace installs)
/// <see cref="IInstallationStore"/>, and maps <see cref="SlackOAuthEndpoints.MapSlackOAuth"/> on its HTTP listener.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>Binds <see cref="SlackOptions"/> from the "Slack" section, registers the Web API pipeline, the
    /// <see cref="IChatPlatform"/> for Slack, the <see cref="IAdapterStatusSource"/>, the OAuth services, and — when
    /// Slack:AppToken is set — the Socket Mode hosted service.</summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection(SlackOptions.SectionName);
        services.AddOptions<SlackOptions>()
            .Bind(section)
            .Validate(o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https", "Slack:ApiBaseUrl must be an absolute http(s) URL")
            .Validate(o => string.IsNullOrWhiteSpace(o.ClientId) == string.IsNullOrWhiteSpace(o.ClientSecret), "Slack:ClientId and Slack:ClientSecret go together")
            .Validate(o => !o.HasOAuth || !string.IsNullOrWhiteSpace(o.OAuthRedirectUri), "Slack:OAuthRedirectUri is required when Slack:ClientId and Slack:ClientSecret are set (the OAuth redirect is never built from the request's Host header)")
            .Validate(o => o.Workers > 0 && o.QueueCapacity > 0, "Slack:Workers and Slack:QueueCapacity must be positive")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackPacer>();
        services.TryAddSingleton<PetitionBot.Core.Ports.IHandledKeys, PetitionBot.Core.Interactions.MemoryHandledKeys>();
        services.TryAddTransient<SlackAuthHandler>();
        services.TryAddTransient<SlackRateLimitHandler>();
        services.AddHttpClient<SlackApiClient>((sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                http.Timeout = TimeSpan.FromSeconds(30);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers() // response_url and upload URLs are capabilities: keep them out of the logs
            .AddHttpMessageHandler<SlackAuthHandler>()
            .AddHttpMessageHandler<SlackRateLimitHandler>();

        services.TryAddSingleton<SlackWebApi>();
        services.TryAddSingleton<SlackTokenProvider>();
        services.TryAddSingleton<SlackActorResolver>();
        services.TryAddSingleton<SlackReplySender>();
        services.TryAddSingleton<SlashCommandHandler>();
        services.TryAddSingleton<BlockActionsHandler>();
        services.TryAddSingleton<ViewSubmissionHandler>();
        services.TryAddSingleton<BlockSuggestionHandler>();
        services.TryAddSingleton<ISlackEnvelopeHandler, SlackEnvelopeRouter>();
        services.TryAddSingleton<ISocketModeTransportFactory, WebSocketTransportFactory>();
        services.TryAddSingleton<SlackOAuthState>();
        services.TryAddSingleton<SlackHttpReplayGuard>();
        services.TryAddSingleton<SlackAdapterStatus>();
        services.AddSingleton<IAdapterStatusSource>(sp => sp.GetRequiredService<SlackAdapterStatus>());
        services.AddSingleton<SlackChatPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<SlackChatPlatform>());
        services.AddSingleton<IDirectMessagePlatform, SlackDirectMessages>();

        if (!string.IsNullOrWhiteSpace(section["AppToken"]))
        {
            services.TryAddSingleton<SocketModeService>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SocketModeService>());
        }

        return services;
    }
}
