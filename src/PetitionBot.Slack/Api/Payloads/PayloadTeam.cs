namespace PetitionBot.Slack.Api;

/// <summary>The <c>team</c> object of an interactivity payload.</summary>
internal sealed record PayloadTeam
{
    public string? Id { get; init; }
}
