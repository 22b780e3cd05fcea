using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PetitionBot.AdapterSupport.Options;

/// <summary>How an adapter's options are registered: bound from its configuration section and checked on start by its
/// own validation (one sentence a problem), so a wrong key stops the start naming that key.</summary>
public static class AdapterOptionsServiceCollectionExtensions
{
    public static IServiceCollection AddValidatedOptions<TOptions>(this IServiceCollection services, IConfigurationSection section,
        IValidateOptions<TOptions> validation)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(validation));
        return services;
    }
}
