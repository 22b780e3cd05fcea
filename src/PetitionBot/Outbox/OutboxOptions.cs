namespace PetitionBot.Outbox;

/// <summary>The <c>Outbox</c> section: how the announcement dispatcher paces and retries.</summary>
public sealed class OutboxOptions
{
    /// <summary>How often pending deliveries are looked for at the latest. A fallback: the dispatcher wakes as soon as this
    /// process writes an announcement and when the next retry is due; the poll finds what another process wrote
    /// (PostgreSQL).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries sent at once per platform, each platform in its own lane (the adapters' rate limiters pace each
    /// channel and the global limit). More than Discord's 50 requests per second, so a whole global window goes at once.</summary>
    public int Concurrency { get; set; } = 64;

    /// <summary>After this many failed attempts a delivery is given up.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The first retry delay; doubled per attempt, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The retry settings as the core's delivery policy takes them.</summary>
    public Core.Announcements.RetrySchedule ToSchedule() => new(MaxAttempts, BaseBackoff, MaxBackoff);
}
