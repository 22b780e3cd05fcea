using System.Globalization;

namespace PetitionBot.Discord.Rest;

/// <summary>What is known about one bucket: remaining requests until <see cref="ResetAt"/>. Requests of one bucket
/// run one at a time (<see cref="Gate"/>) so the headers of each response are learned before the next is sent.</summary>
internal sealed class RateLimitBucket
{
    private long _usedAtTicks;
    private volatile bool _retired;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Dropped from the limiter as idle (set under <see cref="Gate"/>): a request that found it before must look
    /// its route's bucket up again.</summary>
    public bool Retired
    {
        get => _retired;
        set => _retired = value;
    }

    /// <summary>False for an interaction callback's bucket until a response asks for a wait: until then the limiter
    /// holds no reference to it.</summary>
    public bool Kept { get; set; } = true;

    public int? Remaining { get; set; }

    public DateTimeOffset ResetAt { get; set; }

    /// <summary>Marks the bucket as used at <paramref name="now"/> (a request found it, or its response came back).</summary>
    public void Touch(DateTimeOffset now) => Volatile.Write(ref _usedAtTicks, now.UtcTicks);

    /// <summary>True when nothing has used the bucket since <paramref name="cutoff"/>.</summary>
    public bool UnusedSince(DateTimeOffset cutoff) => Volatile.Read(ref _usedAtTicks) < cutoff.UtcTicks;

    /// <summary>Takes in a response's <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset-After</c> (either may be
    /// missing). Reset-After is given to the millisecond, rounded: the bucket may reset up to half a millisecond later
    /// than it says, and a request sent at the rounded reset can land just before it and get a 429, so 1 ms is added.</summary>
    public void Learn(string? remaining, string? resetAfter, DateTimeOffset now)
    {
        if (double.TryParse(remaining, NumberStyles.Float, CultureInfo.InvariantCulture, out var left))
        {
            Remaining = (int)left;
        }

        if (double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            ResetAt = now + TimeSpan.FromSeconds(seconds) + TimeSpan.FromMilliseconds(1);
        }
    }

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
