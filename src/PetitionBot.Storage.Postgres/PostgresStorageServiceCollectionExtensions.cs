using Microsoft.Extensions.DependencyInjection;

namespace PetitionBot.Storage.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>Registers the PostgreSQL store. The host binds <see cref="StorageOptions"/> from the "Storage" section.</summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.AddSingleton<PostgresDatabase>();
        services.AddSingleton<ISignatureStore, PostgresSignatureStore>();
        services.AddSingleton<IEmailVerificationStore, PostgresEmailVerificationStore>();
        services.AddSingleton<IDraftStore, PostgresDraftStore>();
        services.AddSingleton<IServerStore, PostgresServerStore>();
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<IAuditLog, PostgresAuditLog>();
        services.AddSingleton<IInstallationStore, PostgresInstallationStore>();
        services.AddSingleton<IResponseStore, PostgresResponseStore>();
        services.AddSingleton<ISchoolMaintenance, PostgresSchoolMaintenance>();
        services.AddSingleton<ISubscriptionStore, PostgresSubscriptionStore>();
        services.AddSingleton<IHandledKeys, PostgresHandledKeys>();
        services.AddSingleton<IExclusiveRoles, PostgresExclusiveRoles>();
        services.AddHostedService<PostgresStartup>();
        return services;
    }
}
