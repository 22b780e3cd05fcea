using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PetitionBot.ConsoleUi;
using PetitionBot.Core.Ports;
using PetitionBot.Discord;
using PetitionBot.Slack;

namespace PetitionBot.Hosting;

/// <summary>Composes the chat adapters. Each adapter decides from its own settings what it switches on and validates
/// them (<c>ValidateOnStart</c>); the host only calls them.</summary>
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
        services.AddSlackAdapter(configuration);
    }

    /// <summary>Every platform's identity scheme, in every mode: organizer ids are checked against them (Discord,
    /// Slack, then the console, which is the order the error message lists them in).</summary>
    public static void AddIdentities(IServiceCollection services)
    {
        services.AddDiscordIdentity();
        services.AddSlackIdentity();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IIdentityScheme, ConsoleIdentityScheme>());
    }

    public static void Map(WebApplication app)
    {
        app.MapDiscordInteractions();
        app.MapSlackEndpoints();
    }
}
