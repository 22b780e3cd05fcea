namespace PetitionBot.Slack.SocketMode;

/// <summary>What one attempt to open a Socket Mode connection gave: the connection, or a fatal reason (stop the
/// adapter), or a retryable error with Slack's Retry-After when it sent one.</summary>
internal sealed record SocketModeOpenResult(SocketModeConnection? Connection, string? Fatal, TimeSpan? RetryAfter, string? Error);
