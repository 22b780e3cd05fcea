namespace PetitionBot.Discord.Gateway;

/// <summary>What one process hands the next on a restart so it can resume instead of identifying: the session id,
/// the last sequence number handled, the resume URL and when it was saved. No token, no personal data.</summary>
internal sealed record GatewaySessionState(string SessionId, string ResumeUrl, long? Sequence, DateTimeOffset SavedAt);
