using System.Runtime.CompilerServices;

namespace PetitionBot.Core.Pacing;

/// <summary>A sliding-window log: at most a limit of slots in any <see cref="Length"/> of time. Shared by the Discord
/// global limit and gateway send limit and Slack's per-method limit. It holds no clock and does no waiting: callers pass
/// their <see cref="TimeProvider"/>'s time in, wait as told, and lock around it together with their own block state
/// (not thread-safe on its own). <c>System.Threading.RateLimiting</c>'s sliding window does not fit: it reads the system
/// clock through its own timer, counts in fixed segments, cannot move a slot to a later time, and cannot grant a future
/// slot.</summary>
public sealed class SlidingWindow(TimeSpan length)
{
    private readonly Queue<StrongBox<DateTimeOffset>> _slots = new();

    public TimeSpan Length => length;

    /// <summary>Takes a slot at <paramref name="now"/> when fewer than <paramref name="limit"/> slots lie in the window that
    /// ends at <paramref name="now"/>; otherwise returns null and <paramref name="wait"/> is how long until the oldest slot
    /// leaves it. The returned slot's time may be moved later (for example to when the response arrived).</summary>
    public StrongBox<DateTimeOffset>? TryTake(DateTimeOffset now, int limit, out TimeSpan wait)
    {
        while (_slots.Count > 0 && now - _slots.Peek().Value >= length)
        {
            _slots.Dequeue();
        }

        if (_slots.Count >= limit)
        {
            wait = _slots.Peek().Value + length - now;
            return null;
        }

        var slot = new StrongBox<DateTimeOffset>(now);
        _slots.Enqueue(slot);
        wait = TimeSpan.Zero;
        return slot;
    }

    /// <summary>Always grants a slot: the earliest time at or after <paramref name="earliest"/> that keeps every window
    /// within <paramref name="limit"/> (a burst up to the limit goes at once; the next one gets the time the oldest of the
    /// last <paramref name="limit"/> leaves the window), so concurrent callers queue up in order.</summary>
    public DateTimeOffset Reserve(DateTimeOffset earliest, int limit)
    {
        var at = earliest;
        if (_slots.Count >= Math.Max(1, limit))
        {
            var freed = _slots.Dequeue().Value + length;
            at = freed > at ? freed : at;
        }

        _slots.Enqueue(new StrongBox<DateTimeOffset>(at));
        return at;
    }
}
