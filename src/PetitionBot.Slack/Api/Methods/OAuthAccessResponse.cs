namespace PetitionBot.Slack.Api;

/// <summary>The answer of oauth.v2.access: the bot token and the team it is for.</summary>
internal sealed record OAuthAccessResponse : SlackApiBody
{
    public string? AccessToken { get; init; }

    public string? BotUserId { get; init; }

    public OAuthTeam? Team { get; init; }
}
