using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PetitionBot.AdapterSupport.Http;
using PetitionBot.AdapterSupport.Options;
using PetitionBot.Core;
using PetitionBot.Discord.Gateway;
using PetitionBot.Discord.Interactions;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord;

/// <summary>Composition of the Discord adapter.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>Adds the Discord adapter when <c>Discord:Token</c> and <c>Discord:ApplicationId</c> are set: options
    /// (validated on start), the REST pipeline, the gateway hosted service, <see cref="IChatPlatform"/> and
    /// <see cref="IAdapterStatusSource"/>. When only some Discord keys are set, registers just the options validation
    /// (start then fails naming the missing key); when none is, only the identity scheme. The host registers
    /// <see cref="IPetitionBot"/>.</summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDiscordIdentity();
        var section = configuration.GetSection(DiscordOptions.SectionName);
        if (!SettingRules.AnySet(section, nameof(DiscordOptions.Token), nameof(DiscordOptions.ApplicationId), nameof(DiscordOptions.PublicKey)))
        {
            return services;
        }

        services.AddValidatedOptions<DiscordOptions>(section, new DiscordOptionsValidation(section));
        if (!SettingRules.IsSet(section, nameof(DiscordOptions.Token)) || !SettingRules.IsSet(section, nameof(DiscordOptions.ApplicationId)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GatewayTimings>();
        services.TryAddSingleton<InteractionTimings>();
        services.TryAddSingleton<IHandledKeys, MemoryHandledKeys>();
        services.TryAddSingleton<IExclusiveRoles, ProcessExclusiveRoles>();
        services.TryAddSingleton<ShutdownIntent>();
        services.AddSingleton<GatewaySessionHandoff>();
        services.TryAddSingleton<Func<IGatewayTransport>>(() => new WebSocketGatewayTransport());
        services.AddSingleton<DiscordRateLimiter>();
        services.AddTransient<DiscordAuthHandler>();
        services.AddTransient<RateLimitHandler>();
        services.AddApiClient<DiscordRestClient, DiscordAuthHandler, RateLimitHandler>(
            sp => sp.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl);

        services.AddSingleton<GatewayClient>();
        services.AddSingleton<IGatewayClient>(sp => sp.GetRequiredService<GatewayClient>());
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<DiscordEventHandler>();
        services.AddSingleton<DiscordSignatureVerifier>();
        services.AddAdapterPorts<DiscordChatPlatform, DiscordDirectMessages, DiscordAdapterStatus>();
        services.AddHostedService<DiscordGatewayService>();
        return services;
    }

    /// <summary>Registers Discord's identity scheme ("discord:&lt;user id&gt;"), so organizer ids of this shape are
    /// accepted in every mode, also when the adapter itself is off.</summary>
    public static IServiceCollection AddDiscordIdentity(this IServiceCollection services) =>
        services.AddIdentityScheme<DiscordIdentityScheme>();

    /// <summary>Whether the configuration turns Discord on: a bot (Token and ApplicationId) or the HTTP interactions
    /// endpoint (PublicKey).</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.SectionName);
        return (SettingRules.IsSet(section, nameof(DiscordOptions.Token)) && SettingRules.IsSet(section, nameof(DiscordOptions.ApplicationId))) ||
            SettingRules.IsSet(section, nameof(DiscordOptions.PublicKey));
    }
}
