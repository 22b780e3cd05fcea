using Microsoft.Extensions.DependencyInjection;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Ports;

namespace PetitionBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the campaign core. The host binds and validates <see cref="BotOptions"/> and supplies the stores,
    /// the report writers and a <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddPetitionCore(this IServiceCollection services)
    {
        services.AddSingleton<CampaignDirectory>();
        services.AddSingleton<Abuse.InteractionRateLimiter>();
        services.AddSingleton<Abuse.SpikeMonitor>();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<SignFlow>();
        services.AddSingleton<UnsignFlow>();
        services.AddSingleton<MyDataFlow>();
        services.AddSingleton<InfoFlow>();
        services.AddSingleton<ExportFlow>();
        services.AddSingleton<PacketExportFlow>();
        services.AddSingleton<ResponseFlow>();
        services.AddSingleton<Reports.PublicProgressBuilder>();
        services.AddSingleton<UpdateFlow>();
        services.AddSingleton<SetupFlow>();
        services.AddSingleton<FlowSet>();
        services.AddSingleton<AnnouncementComposer>();
        services.AddSingleton<PetitionBotService>();
        services.AddSingleton<IPetitionBot>(sp => sp.GetRequiredService<PetitionBotService>());
        return services;
    }
}
