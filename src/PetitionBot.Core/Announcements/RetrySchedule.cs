namespace PetitionBot.Core.Announcements;

/// <summary>How often and how long a delivery is retried: <paramref name="BaseBackoff"/> doubled per attempt up to
/// <paramref name="MaxBackoff"/>, given up after <paramref name="MaxAttempts"/> attempts.</summary>
public sealed record RetrySchedule(int MaxAttempts, TimeSpan BaseBackoff, TimeSpan MaxBackoff);
