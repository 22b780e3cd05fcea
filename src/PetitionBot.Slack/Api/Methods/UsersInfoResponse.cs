namespace PetitionBot.Slack.Api;

/// <summary>The answer of users.info.</summary>
internal sealed record UsersInfoResponse : SlackApiBody
{
    public SlackUser? User { get; init; }
}
