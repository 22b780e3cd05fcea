using System.Globalization;

namespace PetitionBot.Discord;

/// <summary>The OAuth2 invite link a server admin opens to add the bot (scopes bot + applications.commands).</summary>
public static class DiscordInvite
{
    /// <summary>VIEW_CHANNEL (1024) + SEND_MESSAGES (2048) + EMBED_LINKS (16384) + ATTACH_FILES (32768).</summary>
    public const long Permissions = 1024 + 2048 + 16384 + 32768;

    public static string Url(string applicationId) =>
        "https://discord.com/oauth2/authorize?client_id=" + Uri.EscapeDataString(applicationId) +
        "&scope=bot+applications.commands&permissions=" + Permissions.ToString(CultureInfo.InvariantCulture);
}
