using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using PetitionBot.AdapterSupport.Options;

namespace PetitionBot.Slack;

/// <summary>Slack's settings, checked at start (<c>ValidateOnStart</c>) and by <c>petitionbot check-config</c>: token
/// and secret shapes, which keys go together (Socket Mode, HTTP mode, installs) and the URLs. One sentence per problem,
/// naming the key and where the app's settings page shows the value; never the value itself.</summary>
internal sealed partial class SlackOptionsValidation : IValidateOptions<SlackOptions>
{
    [GeneratedRegex("^[0-9A-Za-z]{32}$")]
    private static partial Regex SigningSecretShape();

    [GeneratedRegex("^xoxb-[A-Za-z0-9-]+$")]
    private static partial Regex BotTokenShape();

    [GeneratedRegex("^xapp-[A-Za-z0-9-]+$")]
    private static partial Regex AppTokenShape();

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var errors = new List<string>();
        var botToken = SettingRules.Present(options.BotToken);
        var appToken = SettingRules.Present(options.AppToken);
        var signingSecret = SettingRules.Present(options.SigningSecret);
        var clientId = SettingRules.Present(options.ClientId);
        var clientSecret = SettingRules.Present(options.ClientSecret);
        if (botToken is not null && !BotTokenShape().IsMatch(botToken))
        {
            errors.Add("Slack:BotToken must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)");
        }

        if (appToken is not null && !AppTokenShape().IsMatch(appToken))
        {
            errors.Add("Slack:AppToken must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)");
        }

        if (signingSecret is not null && !SigningSecretShape().IsMatch(signingSecret))
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

        var redirect = SettingRules.Present(options.OAuthRedirectUri);
        if (clientId is not null && clientSecret is not null && redirect is null)
        {
            errors.Add("Slack:OAuthRedirectUri is required when Slack:ClientId and Slack:ClientSecret are set (the OAuth redirect is never built from the request's Host header)");
        }

        if (!SettingRules.IsApiUrl(options.ApiBaseUrl))
        {
            errors.Add(SettingRules.ApiUrlMessage("Slack:ApiBaseUrl"));
        }

        if (redirect is not null && !SettingRules.IsApiUrl(redirect))
        {
            errors.Add(SettingRules.ApiUrlMessage("Slack:OAuthRedirectUri"));
        }

        if (options.Workers <= 0 || options.QueueCapacity <= 0)
        {
            errors.Add("Slack:Workers and Slack:QueueCapacity must be positive");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
