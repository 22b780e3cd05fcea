namespace PetitionBot.Slack.Api;

/// <summary>A user group and its members' ids.</summary>
internal sealed record UserGroup
{
    public string? Id { get; init; }

    public IReadOnlyList<string?>? Users { get; init; }
}
