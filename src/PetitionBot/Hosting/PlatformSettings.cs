using PetitionBot.Discord;
using PetitionBot.Slack;

namespace PetitionBot.Hosting;

/// <summary>Which chat platforms the configuration turns on (read before the host is built); each adapter decides.</summary>
public sealed record PlatformSettings(bool Discord, bool Slack)
{
    public bool Any => Discord || Slack;

    public const string MissingMessage =
        "No chat platform is configured: set Discord:Token and Discord:ApplicationId, or Slack:BotToken and Slack:AppToken " +
        "(or run `petitionbot console` for the local console).";

    public static PlatformSettings From(IConfiguration config) =>
        new(DiscordServiceCollectionExtensions.IsConfigured(config), SlackServiceCollectionExtensions.IsConfigured(config));
}
