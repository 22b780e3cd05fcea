namespace PetitionBot.Slack.Api;

/// <summary>The <c>container</c> of a block_actions payload (a message has its channel_id; a view has view_id).</summary>
internal sealed record PayloadContainer
{
    public string? ChannelId { get; init; }
}
