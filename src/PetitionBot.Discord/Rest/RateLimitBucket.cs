namespace PetitionBot.Discord.Rest;

/// <summary>What is known about one bucket: remaining requests until <see cref="ResetAt"/>. Requests of one bucket
/// run one at a time (<see cref="Gate"/>) so the headers of each response are learned before the next is sent.</summary>
internal sealed class RateLimitBucket
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }

    public TimeSpan WaitTime(DateTimeOffset now)
    {
        if (Remaining is 0 && ResetAt > now)
        {
            return ResetAt - now;
        }

        if (ResetAt <= now)
        {
            Remaining = null;
        }

        return TimeSpan.Zero;
    }
}
