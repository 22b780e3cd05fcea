using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;
using PetitionBot.Hosting;
using PetitionBot.Outbox;
using PetitionBot.Reports;
using PetitionBot.Storage.LiteDb;

namespace PetitionBot.Cli;

/// <summary><c>petitionbot check-config</c>: checks a configuration without building the host, opening the database
/// or connecting anywhere. Reuses the validators the host runs at start (campaigns, organizers, storage, HTTP) and
/// adds shape checks for the Discord and Slack settings. Messages name keys, never values: tokens are secrets.</summary>
public static partial class ConfigCheck
{
    public const string ValidMessage = "Configuration is valid.";

    [GeneratedRegex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$")]
    private static partial Regex DiscordTokenShape();

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex Snowflake();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Hex64();

    [GeneratedRegex("^[0-9A-Za-z]{32}$")]
    private static partial Regex SlackSigningSecretShape();

    [GeneratedRegex("^xoxb-[A-Za-z0-9-]+$")]
    private static partial Regex SlackBotTokenShape();

    [GeneratedRegex("^xapp-[A-Za-z0-9-]+$")]
    private static partial Regex SlackAppTokenShape();

    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();

    /// <summary>Runs the check and prints the result: "Configuration is valid." (exit 0), or one line per problem
    /// naming its key (exit 2). Warnings are printed in both cases.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var problems = Check(configuration);
        foreach (var warning in problems.Warnings)
        {
            await error.WriteLineAsync($"Warning: {warning}");
        }

        foreach (var problem in problems.Errors)
        {
            await error.WriteLineAsync($"Configuration error: {problem}");
        }

        if (!problems.IsValid)
        {
            await error.WriteLineAsync($"The configuration has {problems.Errors.Count} problem{(problems.Errors.Count == 1 ? "" : "s")}.");
            return PetitionBotApp.ConfigError;
        }

        await output.WriteLineAsync(ValidMessage);
        await output.WriteLineAsync(SchoolCheck.Describe(configuration));
        return 0;
    }

    public static ConfigProblems Check(IConfiguration configuration)
    {
        var errors = new List<string>();
        var warnings = new List<string>();

        // A value the binder cannot convert (Campaigns:0:Goal = "many") is reported alone: validating half-bound
        // options would add misleading errors. List elements it drops silently are caught by the validation.
        var bot = Bind<BotOptions>(configuration, errors);
        if (bot is not null)
        {
            errors.AddRange(Failures(new BotOptionsValidation(configuration).Validate(null, bot)));
        }

        if (bot is { Organizers.Count: 0 })
        {
            warnings.Add("Organizers is empty: nobody in chat can see the full totals or export the signer list (the local console still can)");
        }

        var storage = Bind<StorageOptions>(configuration.GetSection("Storage"), errors) ?? new StorageOptions();
        errors.AddRange(Failures(new StorageOptionsValidation().Validate(null, storage)));
        var http = Bind<HttpOptions>(configuration.GetSection("Http"), errors) ?? new HttpOptions();
        errors.AddRange(Failures(new HttpOptionsValidation().Validate(null, http)));
        if (Bind<Email.EmailOptions>(configuration.GetSection(Email.EmailOptions.SectionName), errors) is { } email)
        {
            errors.AddRange(Failures(new Email.EmailOptionsValidation().Validate(null, email)));
        }

        Bind<OutboxOptions>(configuration.GetSection("Outbox"), errors);
        if (Bind<Core.Campaigns.NotificationOptions>(configuration.GetSection("Notifications"), errors) is { } notify
            && (notify.DirectMessageInterval < TimeSpan.Zero || notify.DirectMessageInterval > TimeSpan.FromMinutes(1)))
        {
            errors.Add("Notifications:DirectMessageInterval must be between 00:00:00 and 00:01:00.");
        }
        Bind<ChartRendererOptions>(configuration.GetSection(ChartRendererOptions.SectionName), errors);

        warnings.AddRange(ExternalUrlCheck.Warnings(configuration));
        if (storage.KeyBesideDatabaseWarning() is { } keyWarning)
        {
            warnings.Add(keyWarning);
        }

        errors.AddRange(SchoolCheck.Problems(configuration));
        CheckDiscord(configuration.GetSection("Discord"), errors);
        CheckSlack(configuration.GetSection("Slack"), errors);
        if (!PlatformSettings.From(configuration).Any)
        {
            warnings.Add("No chat platform is configured (Discord:Token and Discord:ApplicationId, or Slack:BotToken and Slack:AppToken): " +
                "only `petitionbot console` and the CLI verbs will work");
        }

        return new ConfigProblems(errors, warnings);
    }

    private static void CheckDiscord(IConfigurationSection discord, List<string> errors)
    {
        var token = Value(discord, "Token");
        var applicationId = Value(discord, "ApplicationId");
        var publicKey = Value(discord, "PublicKey");
        if (token is not null)
        {
            if (token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("Discord:Token must be the token alone, without the \"Bot \" prefix");
            }
            else if (!DiscordTokenShape().IsMatch(token))
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

        var guilds = discord.GetSection("GuildIds");
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

        CheckApiUrl(discord, "ApiBaseUrl", errors);
    }

    private static void CheckSlack(IConfigurationSection slack, List<string> errors)
    {
        var botToken = Value(slack, "BotToken");
        var appToken = Value(slack, "AppToken");
        var signingSecret = Value(slack, "SigningSecret");
        var clientId = Value(slack, "ClientId");
        var clientSecret = Value(slack, "ClientSecret");
        if (botToken is not null && !SlackBotTokenShape().IsMatch(botToken))
        {
            errors.Add("Slack:BotToken must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)");
        }

        if (appToken is not null && !SlackAppTokenShape().IsMatch(appToken))
        {
            errors.Add("Slack:AppToken must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)");
        }

        if (signingSecret is not null && !SlackSigningSecretShape().IsMatch(signingSecret))
        {
            errors.Add("Slack:SigningSecret must be the 32-character Signing Secret (Basic Information → App Credentials)");
        }

        if (appToken is not null && botToken is null && clientId is null)
        {
            errors.Add("Slack:BotToken is required when Slack:AppToken is set (or Slack:ClientId and Slack:ClientSecret for installs)");
        }

        if (botToken is not null && appToken is null && signingSecret is null)
        {
            errors.Add("Slack:AppToken (Socket Mode) or Slack:SigningSecret (HTTP mode) is required when Slack:BotToken is set");
        }

        if (clientId is not null && clientSecret is null)
        {
            errors.Add("Slack:ClientSecret is required when Slack:ClientId is set");
        }

        if (clientSecret is not null && clientId is null)
        {
            errors.Add("Slack:ClientId is required when Slack:ClientSecret is set");
        }

        if (clientId is not null && clientSecret is not null && Value(slack, "OAuthRedirectUri") is null)
        {
            errors.Add("Slack:OAuthRedirectUri is required when Slack:ClientId and Slack:ClientSecret are set (the OAuth redirect is never built from the request's Host header)");
        }

        CheckApiUrl(slack, "ApiBaseUrl", errors);
        CheckApiUrl(slack, "OAuthRedirectUri", errors);
    }

    /// <summary>An https URL, or http on the loopback interface (a local fake server or tunnel).</summary>
    private static void CheckApiUrl(IConfigurationSection section, string key, List<string> errors)
    {
        if (Value(section, key) is not { } raw)
        {
            return;
        }

        var ok = Uri.TryCreate(raw, UriKind.Absolute, out var uri) &&
            (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
        if (!ok)
        {
            errors.Add($"{section.Path}:{key} must be an absolute https:// URL (http:// only for localhost or 127.0.0.1)");
        }
    }

    private static bool IsSnowflake(string value) =>
        Snowflake().IsMatch(value) && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0;

    private static string? Value(IConfigurationSection section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static IEnumerable<string> Failures(ValidateOptionsResult result) =>
        result.Failed ? result.Failures ?? [] : [];

    /// <summary>Binds a settings class; a value the binder cannot convert becomes an error naming the key and the
    /// expected type (the binder's own message quotes the value, which may be a secret).</summary>
    private static T? Bind<T>(IConfiguration section, List<string> errors)
        where T : class, new()
    {
        var options = new T();
        try
        {
            section.Bind(options);
            return options;
        }
        catch (InvalidOperationException ex)
        {
            var match = ConversionFailure().Match(ex.Message);
            errors.Add(match.Success
                ? $"{match.Groups["key"].Value} must be a valid {FriendlyType(match.Groups["type"].Value)}"
                : $"{(section is IConfigurationSection s ? s.Path : "(root)")} could not be read: {ex.GetType().Name}");
            return null;
        }
    }

    private static string FriendlyType(string type) => type switch
    {
        _ when type.Contains("System.Int32", StringComparison.Ordinal) || type.Contains("System.Int64", StringComparison.Ordinal) => "whole number",
        _ when type.Contains("System.TimeSpan", StringComparison.Ordinal) => "duration such as 00:00:30 or 1.00:00:00",
        _ when type.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("System.DateTime", StringComparison.Ordinal) => "date and time such as 2026-06-30T23:59:00Z",
        _ => "value",
    };
}
