using Microsoft.Extensions.Options;
using PetitionBot.Core.Campaigns;

namespace PetitionBot.Core.Abuse;

/// <summary>Per-person sliding window of interactions (in memory: a restart forgets, which is fine for a speed bump).</summary>
public sealed class InteractionRateLimiter(IOptionsMonitor<BotOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private DateTimeOffset _lastSweep;

    /// <summary>Null when the person may go on; otherwise how long to wait.</summary>
    public TimeSpan? Check(string identityKey)
    {
        var now = time.GetUtcNow();
        var limit = options.CurrentValue.Abuse.InteractionsPerMinute;
        lock (_gate)
        {
            Sweep(now);
            if (!_recent.TryGetValue(identityKey, out var stamps))
            {
                _recent[identityKey] = stamps = new Queue<DateTimeOffset>();
            }

            while (stamps.Count > 0 && now - stamps.Peek() >= Window)
            {
                stamps.Dequeue();
            }

            if (stamps.Count >= limit)
            {
                return stamps.Peek() + Window - now;
            }

            stamps.Enqueue(now);
            return null;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        if (now - _lastSweep < Window)
        {
            return;
        }

        _lastSweep = now;
        foreach (var key in _recent.Where(kv => kv.Value.Count == 0 || now - kv.Value.Last() >= Window).Select(kv => kv.Key).ToList())
        {
            _recent.Remove(key);
        }
    }
}
