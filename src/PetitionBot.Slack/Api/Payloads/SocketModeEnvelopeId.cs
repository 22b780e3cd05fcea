namespace PetitionBot.Slack.Api;

/// <summary>The two members of a Socket Mode envelope read when its payload does not have the shape Slack documents:
/// enough to acknowledge it (so Slack does not deliver it again) without handling it.</summary>
internal sealed record SocketModeEnvelopeId
{
    public string? EnvelopeId { get; init; }

    public string? Type { get; init; }
}
