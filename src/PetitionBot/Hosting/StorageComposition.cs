using PetitionBot.Storage.LiteDb;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Hosting;

/// <summary>Registers the store that <c>Storage:Provider</c> names: LiteDB (default) or PostgreSQL.
/// The host only chooses; each store owns its own data access.</summary>
public static class StorageComposition
{
    public static StorageProvider ProviderOf(IConfiguration configuration) =>
        Enum.TryParse<StorageProvider>(configuration["Storage:Provider"], ignoreCase: true, out var provider) ? provider : StorageProvider.LiteDb;

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        if (ProviderOf(configuration) == StorageProvider.Postgres)
        {
            services.AddPostgresStorage();
        }
        else
        {
            services.AddLiteDbStorage();
        }
    }
}
