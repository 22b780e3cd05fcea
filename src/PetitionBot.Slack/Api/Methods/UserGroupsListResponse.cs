namespace PetitionBot.Slack.Api;

/// <summary>The answer of usergroups.list with include_users.</summary>
internal sealed record UserGroupsListResponse : SlackApiBody
{
    public IReadOnlyList<UserGroup>? Usergroups { get; init; }
}
