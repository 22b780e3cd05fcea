using PetitionBot.Discord;

namespace PetitionBot.Hosting;

/// <summary>Registers and maps the chat adapters the configuration turns on.</summary>
internal static class ChatAdapters
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDiscordAdapter(configuration);
    }

    public static void Map(WebApplication app)
    {
        app.MapDiscordInteractions();
    }
}
