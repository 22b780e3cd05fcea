namespace PetitionBot.Slack.Api;

/// <summary><c>disconnect</c>: <c>warning</c>, <c>refresh_requested</c>, <c>link_disabled</c> or <c>too_many_websockets</c>.</summary>
internal sealed record DisconnectMessage : SocketModeMessage
{
    public string? Reason { get; init; }
}
