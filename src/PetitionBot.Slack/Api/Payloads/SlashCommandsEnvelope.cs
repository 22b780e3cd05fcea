namespace PetitionBot.Slack.Api;

/// <summary>A <c>slash_commands</c> envelope.</summary>
internal sealed record SlashCommandsEnvelope : SocketModeMessage
{
    public SlashCommandPayload? Payload { get; init; }
}
