using Microsoft.Extensions.Options;
using PetitionBot.Discord;
using PetitionBot.Slack;
using PetitionBot.Slack.Interactions;
using PetitionBot.Slack.OAuth;
using PetitionBot.Storage.LiteDb;

namespace PetitionBot.Hosting;

/// <summary>Registers and maps the chat adapters the configuration turns on. Each adapter registers nothing (Discord)
/// or only its HTTP-mode and install endpoints (Slack) unless its settings are present.</summary>
internal static class ChatAdapters
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDiscordAdapter(configuration);
        services.AddOptions<DiscordOptions>().PostConfigure<IOptions<StorageOptions>>((discord, storage) =>
        {
            if (string.IsNullOrWhiteSpace(discord.SessionFile))
            {
                discord.SessionFile = Path.GetFullPath(storage.Value.Path) + ".discord-session";
            }
        });
        if (SlackConfigured(configuration))
        {
            services.AddSlackAdapter(configuration);
        }
    }

    public static void Map(WebApplication app)
    {
        app.MapDiscordInteractions();
        if (SlackConfigured(app.Configuration))
        {
            app.MapSlackOAuth();
            app.MapSlackHttp();
        }
    }

    private static bool SlackConfigured(IConfiguration configuration) =>
        new[] { "Slack:AppToken", "Slack:BotToken", "Slack:SigningSecret", "Slack:ClientId" }
            .Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
}
