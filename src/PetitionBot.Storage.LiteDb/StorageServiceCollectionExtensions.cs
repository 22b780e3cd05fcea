using Microsoft.Extensions.DependencyInjection;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the LiteDB store. The host binds <see cref="StorageOptions"/> from the "Storage" section.</summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services)
    {
        services.AddSingleton<LiteDbContext>();
        services.AddSingleton<LiteDbSignatureStore>();
        services.AddSingleton<ISignatureStore>(sp => sp.GetRequiredService<LiteDbSignatureStore>());
        services.AddSingleton<IEmailVerificationStore, LiteDbEmailVerificationStore>();
        services.AddSingleton<IDraftStore, LiteDbDraftStore>();
        services.AddSingleton<IServerStore, LiteDbServerStore>();
        services.AddSingleton<IOutboxStore, LiteDbOutboxStore>();
        services.AddSingleton<IAuditLog, LiteDbAuditLog>();
        services.AddSingleton<IInstallationStore, LiteDbInstallationStore>();
        services.AddSingleton<IResponseStore, LiteDbResponseStore>();
        services.AddSingleton<ISubscriptionStore, LiteDbSubscriptionStore>();
        services.AddSingleton<LiteDbSchoolMaintenance>();
        services.AddSingleton<IHandledKeys, LiteDbHandledKeys>();
        services.AddSingleton<ISchoolMaintenance>(sp => sp.GetRequiredService<LiteDbSchoolMaintenance>());
        return services;
    }
}
