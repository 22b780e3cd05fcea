namespace PetitionBot.Discord.Gateway;

/// <summary>What survives a dropped connection so it can be resumed.</summary>
internal sealed class GatewaySession
{
    public string? SessionId { get; set; }

    public string? ResumeUrl { get; set; }

    public long? Sequence { get; set; }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }
}
