using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PetitionBot.AdapterSupport.Options;

namespace PetitionBot.Discord;

/// <summary>Discord's settings, checked at start (<c>ValidateOnStart</c>) and by <c>petitionbot check-config</c>: the
/// token's shape, the ids, the public key and which keys go together. One sentence per problem, naming the key and
/// where the Developer Portal shows the value; never the value itself.</summary>
internal sealed partial class DiscordOptionsValidation(IConfigurationSection section) : IValidateOptions<DiscordOptions>
{
    [GeneratedRegex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Hex64();

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var problems = new SettingProblems();
        var token = SettingRules.Present(options.Token);
        var applicationId = SettingRules.Present(options.ApplicationId);
        var publicKey = SettingRules.Present(options.PublicKey);
        var botPrefixed = token is not null && token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase);
        problems.AddIf(botPrefixed, "Discord:Token must be the token alone, without the \"Bot \" prefix");
        problems.AddIfMisshapen(botPrefixed ? null : token, TokenShape(),
            "Discord:Token does not look like a bot token (three base64url parts separated by dots; Developer Portal → Bot → Reset Token)");
        problems.AddIf(token is not null && applicationId is null,
            "Discord:ApplicationId is required when Discord:Token is set (Developer Portal → General Information → Application ID)");
        problems.AddIf(applicationId is not null && !IsSnowflake(applicationId),
            "Discord:ApplicationId must be a numeric id (Developer Portal → General Information → Application ID)");
        problems.AddIf(applicationId is not null && token is null && publicKey is null, "Discord:Token is required when Discord:ApplicationId is set");
        problems.AddIfMisshapen(publicKey, Hex64(),
            "Discord:PublicKey must be the application's public key: 64 hexadecimal characters (Developer Portal → General Information)");
        problems.AddIf(publicKey is not null && applicationId is null, "Discord:ApplicationId is required when Discord:PublicKey is set");

        // A scalar GuildIds (environment Discord__GuildIds=1) binds to nothing: say how to write the list.
        var guilds = section.GetSection(nameof(DiscordOptions.GuildIds));
        problems.AddIf(guilds.Value is { Length: > 0 },
            "Discord:GuildIds must be a list: Discord:GuildIds:0, Discord:GuildIds:1, … (environment: Discord__GuildIds__0)");
        foreach (var guild in guilds.GetChildren())
        {
            problems.AddIf(guild.Value is null || !IsSnowflake(guild.Value.Trim()), $"{guild.Path} must be a numeric server (guild) id");
        }

        problems.AddIfNotApiUrl(options.ApiBaseUrl, "Discord:ApiBaseUrl");
        return problems.ToValidateOptionsResult();
    }

    /// <summary>A Discord id: 1 to 20 digits, a nonzero 64-bit number.</summary>
    private static bool IsSnowflake(string value) =>
        value.Length is > 0 and <= 20 && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0;
}
