namespace PetitionBot.Hosting;

/// <summary>Registers and maps the chat adapters the configuration turns on. Each adapter decides from its own
/// section whether it runs.</summary>
internal static class ChatAdapters
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
    }

    public static void Map(WebApplication app)
    {
    }
}
