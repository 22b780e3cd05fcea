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

    private static readonly TimeSpan MaxAckBudget = TimeSpan.FromMilliseconds(2500);

    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var problems = new SettingProblems();
        var botToken = SettingRules.Present(options.BotToken);
        var appToken = SettingRules.Present(options.AppToken);
        var signingSecret = SettingRules.Present(options.SigningSecret);
        var clientId = SettingRules.Present(options.ClientId);
        var clientSecret = SettingRules.Present(options.ClientSecret);
        var redirect = SettingRules.Present(options.OAuthRedirectUri);
        problems.AddIfMisshapen(botToken, BotTokenShape(),
            "Slack:BotToken must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)");
        problems.AddIfMisshapen(appToken, AppTokenShape(),
            "Slack:AppToken must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)");
        problems.AddIfMisshapen(signingSecret, SigningSecretShape(),
            "Slack:SigningSecret must be the 32-character Signing Secret (Basic Information → App Credentials)");
        problems.AddIf(appToken is not null && botToken is null && clientId is null,
            "Slack:BotToken is required when Slack:AppToken is set (or Slack:ClientId and Slack:ClientSecret for installs)");
        problems.AddIf(botToken is not null && appToken is null && signingSecret is null,
            "Slack:AppToken (Socket Mode) or Slack:SigningSecret (HTTP mode) is required when Slack:BotToken is set");
        problems.AddIf(clientId is not null && clientSecret is null, "Slack:ClientSecret is required when Slack:ClientId is set");
        problems.AddIf(clientSecret is not null && clientId is null, "Slack:ClientId is required when Slack:ClientSecret is set");
        problems.AddIf(clientId is not null && clientSecret is not null && redirect is null,
            "Slack:OAuthRedirectUri is required when Slack:ClientId and Slack:ClientSecret are set (the OAuth redirect is never built from the request's Host header)");
        problems.AddIfNotApiUrl(options.ApiBaseUrl, "Slack:ApiBaseUrl");
        problems.AddIfNotApiUrl(redirect, "Slack:OAuthRedirectUri");
        problems.AddIf(options.Workers <= 0 || options.QueueCapacity <= 0, "Slack:Workers and Slack:QueueCapacity must be positive");
        foreach (var (key, budget) in new[] { ("Slack:AckBudget", options.AckBudget), ("Slack:FormAckBudget", options.FormAckBudget) })
        {
            problems.AddIf(budget <= TimeSpan.Zero || budget > MaxAckBudget,
                $"{key} must be more than 0 and at most 00:00:02.5 (Slack gives up on an acknowledgement after 3 s)");
        }
        return problems.ToValidateOptionsResult();
    }
}
