using Microsoft.Extensions.Options;
using PetitionBot.Core.Ports;

namespace PetitionBot.Email;

internal static class EmailServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Email:*</c> and registers the verification-code mailer (SMTP sends go out in the background), and the pickup folder's sweep at start.</summary>
    public static IServiceCollection AddVerificationMail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        services.AddSingleton<MailKitVerificationMailer>();
        services.AddSingleton<MailFailureNotice>();
        services.AddSingleton<IVerificationMailer, QueuedVerificationMailer>();
        services.AddHostedService<PickupSweepService>();
        return services;
    }
}
