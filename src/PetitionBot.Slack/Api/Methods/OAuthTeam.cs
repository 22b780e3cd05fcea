namespace PetitionBot.Slack.Api;

/// <summary>The team of an oauth.v2.access answer.</summary>
internal sealed record OAuthTeam
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}
