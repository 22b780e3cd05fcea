using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Ports;

namespace PetitionBot.Email;

/// <summary>Registers the verification mailer and its validated <c>Email</c> options.</summary>
public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddVerificationMailer(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>());
        services.TryAddSingleton<IVerificationMailer, VerificationMailer>();
        return services;
    }
}
