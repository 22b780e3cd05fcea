namespace PetitionBot.Slack.Api;

/// <summary>An opened view as Slack answers it (only its id is read).</summary>
internal sealed record ViewInfo
{
    public string? Id { get; init; }
}
