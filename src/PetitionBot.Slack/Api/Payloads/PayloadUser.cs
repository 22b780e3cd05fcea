namespace PetitionBot.Slack.Api;

/// <summary>The <c>user</c> object of an interactivity payload.</summary>
internal sealed record PayloadUser
{
    public string? Id { get; init; }

    public string? TeamId { get; init; }
}
