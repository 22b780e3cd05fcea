using System.Text.Json.Serialization;

namespace PetitionBot.Discord.Gateway;

/// <summary>What one process hands the next on a restart so it can resume instead of identifying: the session id,
/// the last sequence number handled, the resume URL and when it was saved. No token, no personal data. The file keeps
/// its camelCase names (a file written by an older version is still read).</summary>
internal sealed record GatewaySessionState(
    [property: JsonPropertyName("sessionId")] string SessionId,
    [property: JsonPropertyName("resumeUrl")] string ResumeUrl,
    [property: JsonPropertyName("sequence")] long? Sequence,
    [property: JsonPropertyName("savedAt")] DateTimeOffset SavedAt);
