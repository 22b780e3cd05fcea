namespace PetitionBot.Discord.Api;

/// <summary>op 10 Hello data: the heartbeat interval in milliseconds.</summary>
internal sealed record HelloPayload
{
    public required double HeartbeatInterval { get; init; }
}
