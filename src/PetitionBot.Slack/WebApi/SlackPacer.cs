using System.Collections.Concurrent;

namespace PetitionBot.Slack.WebApi;

/// <summary>Token buckets (generic cell rate algorithm) keyed by team+method and team+channel. A reservation is always
/// granted with the delay it has to wait, so concurrent callers queue up in order instead of bursting into 429s.
/// A 429 blocks its key until Retry-After has passed.</summary>
public sealed class SlackPacer(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);

    public TimeSpan Reserve(string key, TimeSpan interval, int burst)
    {
        var cell = _cells.GetOrAdd(key, static _ => new Cell());
        var now = time.GetUtcNow();
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

    public void Block(string key, TimeSpan retryAfter)
    {
        var cell = _cells.GetOrAdd(key, static _ => new Cell());
        var until = time.GetUtcNow() + retryAfter;
        lock (cell)
        {
            if (until > cell.BlockedUntil)
            {
                cell.BlockedUntil = until;
            }
        }
    }

    private sealed class Cell
    {
        public DateTimeOffset Tat { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset BlockedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
