using Microsoft.Extensions.Options;
using PetitionBot.Core.Ports;

namespace PetitionBot.Email;

internal static class EmailServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Email:*</c> and registers the verification-code mailer.</summary>
    public static IServiceCollection AddVerificationMail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        services.AddSingleton<IVerificationMailer, MailKitVerificationMailer>();
        return services;
    }
}
