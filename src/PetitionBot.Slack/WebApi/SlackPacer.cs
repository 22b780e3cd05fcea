using System.Collections.Concurrent;
using PetitionBot.Core.Pacing;

namespace PetitionBot.Slack.WebApi;

/// <summary>Pacing keyed by team+method (a sliding window: at most N calls in any minute, <see cref="ReserveInWindow"/>)
/// and team+channel (a token bucket, generic cell rate algorithm, <see cref="Reserve"/>). A reservation is always granted
/// with the delay it has to wait, so concurrent callers queue up in order instead of bursting into 429s.
/// A 429 blocks its key until Retry-After has passed.</summary>
internal sealed class SlackPacer(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);

    /// <summary>A slot of <paramref name="key"/> (a token bucket of <paramref name="burst"/>, one per
    /// <paramref name="interval"/>): the wait from <paramref name="at"/> (now when not given) until it may go.</summary>
    public TimeSpan Reserve(string key, TimeSpan interval, int burst, DateTimeOffset? at = null)
    {
        var cell = CellFor(key);
        var now = at ?? time.GetUtcNow();
        lock (cell)
        {
            var tolerance = interval * Math.Max(0, burst - 1);
            var tat = cell.Tat > now ? cell.Tat : now;
            var allowedAt = tat - tolerance;
            if (cell.BlockedUntil > allowedAt)
            {
                allowedAt = cell.BlockedUntil;
                tat = allowedAt + tolerance;
            }

            cell.Tat = tat + interval;
            var wait = allowedAt - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    /// <summary>At most <paramref name="limit"/> reservations of <paramref name="key"/> in any <paramref name="window"/>: a
    /// reservation is granted at the earliest time that keeps every window within the limit (so a burst up to the limit goes
    /// at once, and the next one waits until the oldest of the last <paramref name="limit"/> leaves the window).</summary>
    /// <remarks>The wait is counted from <paramref name="at"/> (now when not given).</remarks>
    public TimeSpan ReserveInWindow(string key, int limit, TimeSpan window, DateTimeOffset? at = null)
    {
        var cell = CellFor(key);
        var now = at ?? time.GetUtcNow();
        lock (cell)
        {
            var granted = cell.Granted ??= new SlidingWindow(window);
            var earliest = cell.BlockedUntil > now ? cell.BlockedUntil : now;
            var allowedAt = granted.Reserve(earliest, limit);
            return allowedAt - now;
        }
    }

    /// <summary>Serialises the requests of one key: the holder reserves, sends and calls <see cref="HoldFromNow"/> on the
    /// answer before the next one may reserve.</summary>
    public SemaphoreSlim GateFor(string key) => CellFor(key).Gate;

    /// <summary>The next reservation of <paramref name="key"/> (burst 1) is allowed no sooner than <paramref name="interval"/>
    /// from now. Called when a response arrived: Slack counts a message when it arrives, which is before the response but
    /// may be later than the send, so a slot counted from the send could let the next message land too close.</summary>
    public void HoldFromNow(string key, TimeSpan interval) => CellFor(key).HoldUntil(time.GetUtcNow() + interval);

    public void Block(string key, TimeSpan retryAfter) => CellFor(key).BlockUntil(time.GetUtcNow() + retryAfter);

    private Cell CellFor(string key) => _cells.GetOrAdd(key, static _ => new Cell());

    private sealed class Cell
    {
        public DateTimeOffset Tat { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        /// <summary>Times granted by <see cref="ReserveInWindow"/> (the window of the first call).</summary>
        public SlidingWindow? Granted { get; set; }

        /// <summary>The next reservation no sooner than <paramref name="at"/> (never earlier than already held).</summary>
        public void HoldUntil(DateTimeOffset at)
        {
            lock (this)
            {
                Tat = Later(Tat, at);
            }
        }

        /// <summary>No request before <paramref name="at"/> (never earlier than already blocked).</summary>
        public void BlockUntil(DateTimeOffset at)
        {
            lock (this)
            {
                BlockedUntil = Later(BlockedUntil, at);
            }
        }

        private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }
}
