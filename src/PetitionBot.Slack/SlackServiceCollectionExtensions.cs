using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PetitionBot.AdapterSupport.Http;
using PetitionBot.AdapterSupport.Options;
using PetitionBot.Core;
using PetitionBot.Slack.Interactions;
using PetitionBot.Slack.OAuth;
using PetitionBot.Slack.SocketMode;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack;

/// <summary>Registers the Slack adapter. The host registers <see cref="IPetitionBot"/> and (for multi-workspace installs)
/// <see cref="IInstallationStore"/>, and maps <see cref="SlackOAuthEndpoints.MapSlackOAuth"/> on its HTTP listener.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>Binds <see cref="SlackOptions"/> from the "Slack" section (validated on start by
    /// <see cref="SlackOptionsValidation"/>), registers the Web API pipeline, the <see cref="IChatPlatform"/> for Slack,
    /// the <see cref="IAdapterStatusSource"/>, the OAuth services, and — when Slack:AppToken is set — the Socket Mode
    /// hosted service. Slack switches on when any of Slack:AppToken, Slack:BotToken, Slack:SigningSecret or
    /// Slack:ClientId is set; otherwise only the identity scheme is registered.</summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration config)
    {
        services.AddSlackIdentity();
        var section = config.GetSection(SlackOptions.SectionName);
        if (!SwitchesOn(section))
        {
            return services;
        }

        services.AddValidatedOptions<SlackOptions>(section, new SlackOptionsValidation());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SlackPacer>();
        services.TryAddSingleton<IHandledKeys, MemoryHandledKeys>();
        services.TryAddTransient<SlackAuthHandler>();
        services.TryAddTransient<SlackRateLimitHandler>();
        services.AddApiClient<SlackApiClient, SlackAuthHandler, SlackRateLimitHandler>(
                sp => sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

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
        services.AddAdapterPorts<SlackChatPlatform, SlackDirectMessages, SlackAdapterStatus>();

        if (SettingRules.IsSet(section, nameof(SlackOptions.AppToken)))
        {
            services.TryAddSingleton<SocketModeService>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SocketModeService>());
        }

        return services;
    }

    /// <summary>Registers Slack's identity scheme ("slack:&lt;team id&gt;:&lt;user id&gt;"), so organizer ids of this
    /// shape are accepted in every mode, also when the adapter itself is off.</summary>
    public static IServiceCollection AddSlackIdentity(this IServiceCollection services) =>
        services.AddIdentityScheme<SlackIdentityScheme>();

    /// <summary>Whether the configuration connects Slack: Socket Mode (AppToken with a BotToken or installs) or
    /// HTTP mode (SigningSecret).</summary>
    public static bool IsConfigured(IConfiguration config)
    {
        var section = config.GetSection(SlackOptions.SectionName);
        return (SettingRules.IsSet(section, nameof(SlackOptions.AppToken)) &&
                SettingRules.AnySet(section, nameof(SlackOptions.BotToken), nameof(SlackOptions.ClientId))) ||
            SettingRules.IsSet(section, nameof(SlackOptions.SigningSecret));
    }

    /// <summary>Maps the install pages and the HTTP-mode endpoints when the adapter is registered; nothing otherwise.</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<SlackAdapterStatus>() is not null)
        {
            endpoints.MapSlackOAuth();
            endpoints.MapSlackHttp();
        }

        return endpoints;
    }

    private static bool SwitchesOn(IConfiguration section) =>
        SettingRules.AnySet(section, nameof(SlackOptions.AppToken), nameof(SlackOptions.BotToken), nameof(SlackOptions.SigningSecret), nameof(SlackOptions.ClientId));
}
