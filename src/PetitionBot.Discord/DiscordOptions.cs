namespace PetitionBot.Discord;

/// <summary>The "Discord" configuration section. The adapter runs only when <see cref="Token"/> and
/// <see cref="ApplicationId"/> are both set. The token is a secret: it is never logged.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token (Developer Portal → Bot → Reset Token).</summary>
    public string Token { get; set; } = "";

    /// <summary>The application id (Developer Portal → General Information).</summary>
    public string ApplicationId { get; set; } = "";

    /// <summary>REST base URL; the gateway URL always comes from <c>GET /gateway/bot</c>.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>When set, commands are registered in these guilds (instantly) instead of globally.</summary>
    public List<string> GuildIds { get; set; } = [];

    /// <summary>Optional hex public key for the HTTP interactions endpoint (Ed25519).</summary>
    public string? PublicKey { get; set; }

    /// <summary>Where a restarting process leaves its gateway session for the next one (see the README: restart keeping
    /// the session). The host sets it to the database path + ".discord-session" when empty; empty here: no handoff.</summary>
    public string? SessionFile { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token) && !string.IsNullOrWhiteSpace(ApplicationId);
}
