namespace PetitionBot.Slack.Api;

/// <summary>The <c>channel</c> object of a block_actions payload.</summary>
internal sealed record PayloadChannel
{
    public string? Id { get; init; }
}
