namespace PetitionBot.Hosting;

/// <summary>Which chat platforms the configuration turns on (read before the host is built).</summary>
public sealed record PlatformSettings(bool Discord, bool Slack, bool DiscordHttp, bool SlackHttp)
{
    public bool Any => Discord || Slack || DiscordHttp || SlackHttp;

    public const string MissingMessage =
        "No chat platform is configured: set Discord:Token and Discord:ApplicationId, or Slack:BotToken and Slack:AppToken " +
        "(or run `petitionbot console` for the local console).";

    public static PlatformSettings From(IConfiguration config)
    {
        static bool Set(IConfiguration c, string key) => !string.IsNullOrWhiteSpace(c[key]);
        return new PlatformSettings(
            Set(config, "Discord:Token") && Set(config, "Discord:ApplicationId"),
            Set(config, "Slack:AppToken") && (Set(config, "Slack:BotToken") || Set(config, "Slack:ClientId")),
            Set(config, "Discord:PublicKey"),
            Set(config, "Slack:SigningSecret"));
    }
}
