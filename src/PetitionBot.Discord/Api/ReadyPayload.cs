namespace PetitionBot.Discord.Api;

/// <summary>READY data: what a later Resume needs (the rest of the event is skipped).</summary>
internal sealed record ReadyPayload
{
    public required string SessionId { get; init; }

    public required string ResumeGatewayUrl { get; init; }
}
