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

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex Snowflake();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Hex64();

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        var token = SettingRules.Present(options.Token);
        var applicationId = SettingRules.Present(options.ApplicationId);
        var publicKey = SettingRules.Present(options.PublicKey);
        if (token is not null)
        {
            if (token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("Discord:Token must be the token alone, without the \"Bot \" prefix");
            }
            else if (!TokenShape().IsMatch(token))
            {
                errors.Add("Discord:Token does not look like a bot token (three base64url parts separated by dots; Developer Portal → Bot → Reset Token)");
            }

            if (applicationId is null)
            {
                errors.Add("Discord:ApplicationId is required when Discord:Token is set (Developer Portal → General Information → Application ID)");
            }
        }

        if (applicationId is not null && !IsSnowflake(applicationId))
        {
            errors.Add("Discord:ApplicationId must be a numeric id (Developer Portal → General Information → Application ID)");
        }

        if (applicationId is not null && token is null && publicKey is null)
        {
            errors.Add("Discord:Token is required when Discord:ApplicationId is set");
        }

        if (publicKey is not null)
        {
            if (!Hex64().IsMatch(publicKey))
            {
                errors.Add("Discord:PublicKey must be the application's public key: 64 hexadecimal characters (Developer Portal → General Information)");
            }

            if (applicationId is null)
            {
                errors.Add("Discord:ApplicationId is required when Discord:PublicKey is set");
            }
        }

        // A scalar GuildIds (environment Discord__GuildIds=1) binds to nothing: say how to write the list.
        var guilds = section.GetSection(nameof(DiscordOptions.GuildIds));
        if (guilds.Value is { Length: > 0 })
        {
            errors.Add("Discord:GuildIds must be a list: Discord:GuildIds:0, Discord:GuildIds:1, … (environment: Discord__GuildIds__0)");
        }

        foreach (var guild in guilds.GetChildren())
        {
            if (guild.Value is null || !IsSnowflake(guild.Value.Trim()))
            {
                errors.Add($"{guild.Path} must be a numeric server (guild) id");
            }
        }

        if (!SettingRules.IsApiUrl(options.ApiBaseUrl))
        {
            errors.Add(SettingRules.ApiUrlMessage("Discord:ApiBaseUrl"));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsSnowflake(string value) =>
        Snowflake().IsMatch(value) && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0;
}
