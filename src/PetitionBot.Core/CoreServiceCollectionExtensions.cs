using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Announcements;
using PetitionBot.Core.Flows;

namespace PetitionBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the campaign core. The host binds and validates <see cref="BotOptions"/> and supplies the stores,
    /// the report writers and a <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddPetitionCore(this IServiceCollection services)
    {
        services.AddSingleton<CampaignDirectory>();

        // The host replaces this with the shipped directory (and Schools:File / Schools); an empty one keeps every school "Other".
        services.TryAddSingleton<ISchoolDirectory>(new Schools.SchoolDirectory([]));
        services.AddSingleton<Abuse.InteractionRateLimiter>();
        services.AddSingleton<Abuse.SpikeMonitor>();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<SignFlow>();
        services.AddSingleton<SignEarlySteps>();
        services.AddSingleton<SignSchoolStep>();
        services.AddSingleton<SignEmailStep>();
        services.AddSingleton<SignCompletion>();
        services.AddSingleton<EmailCodeStep>();
        services.AddSingleton<AddressProofFlow>();
        services.AddSingleton<UnsignFlow>();
        services.AddSingleton<MyDataFlow>();
        services.AddSingleton<InfoFlow>();
        services.AddSingleton<ExportFlow>();
        services.AddSingleton<PacketExportFlow>();
        services.AddSingleton<ResponseFlow>();
        services.AddSingleton<NotificationFlow>();
        services.AddSingleton<DeliveredFlow>();
        services.AddSingleton<Reports.PublicProgressBuilder>();
        services.AddSingleton<UpdateFlow>();
        services.AddSingleton<SetupFlow>();
        services.AddSingleton<FlowSet>();
        services.AddSingleton<AnnouncementComposer>();
        services.AddSingleton<PetitionBotService>();
        services.AddSingleton<IPetitionBot>(sp => sp.GetRequiredService<PetitionBotService>());
        return services;
    }

    /// <summary>Stand-ins for what the host did not register: no school directory (schools stay as typed), no mailer (an
    /// email step says "try again later"), no email store. Call it after every other registration: anything registered
    /// before, by AddSingleton or TryAddSingleton, wins.</summary>
    public static IServiceCollection AddPetitionCoreFallbacks(this IServiceCollection services)
    {
        services.TryAddSingleton<ISchoolDirectory, Fallbacks.NoSchoolDirectory>();
        services.TryAddSingleton<IVerificationMailer, Fallbacks.NoVerificationMailer>();
        services.TryAddSingleton<IEmailVerificationStore, Fallbacks.NoEmailVerificationStore>();
        return services;
    }
}
