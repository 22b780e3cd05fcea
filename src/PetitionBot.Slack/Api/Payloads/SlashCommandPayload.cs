namespace PetitionBot.Slack.Api;

/// <summary>A slash command (Socket Mode: JSON; HTTP mode: the same keys form-encoded). Only the fields the adapter
/// reads; Slack sends more (team_domain, channel_name, user_name, api_app_id, …).</summary>
internal sealed record SlashCommandPayload : InboundPayload
{
    public string? TeamId { get; init; }

    public string? ChannelId { get; init; }

    public string? UserId { get; init; }

    public string? Command { get; init; }

    public string? Text { get; init; }

    public string? ResponseUrl { get; init; }
}
