using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PetitionBot.Core;

/// <summary>The registrations every chat adapter makes the same way: its identity scheme, and its outbound ports with the
/// status it reports on /healthz.</summary>
public static class AdapterServiceCollectionExtensions
{
    /// <summary>Adds <typeparamref name="TScheme"/> to the identity schemes (once), so organizer ids of its shape are
    /// accepted in every mode, also when the adapter itself is off.</summary>
    public static IServiceCollection AddIdentityScheme<TScheme>(this IServiceCollection services)
        where TScheme : class, IIdentityScheme
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIdentityScheme, TScheme>());
        return services;
    }

    /// <summary>Registers the adapter's channel port (also as itself), its private-message port, and its status (one
    /// instance, also as <see cref="IAdapterStatusSource"/>).</summary>
    public static IServiceCollection AddAdapterPorts<TChat, TDirect, TStatus>(this IServiceCollection services)
        where TChat : class, IChatPlatform
        where TDirect : class, IDirectMessagePlatform
        where TStatus : class, IAdapterStatusSource
    {
        services.TryAddSingleton<TStatus>();
        services.AddSingleton<IAdapterStatusSource>(sp => sp.GetRequiredService<TStatus>());
        services.AddSingleton<TChat>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<TChat>());
        services.AddSingleton<IDirectMessagePlatform, TDirect>();
        return services;
    }
}
