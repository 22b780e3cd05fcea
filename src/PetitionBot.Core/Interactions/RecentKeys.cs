namespace PetitionBot.Core.Interactions;

/// <summary>A bounded, thread-safe set of recently seen keys (interaction ids, envelope ids), so a redelivered event
/// is acted on once. The oldest keys are forgotten first.</summary>
public sealed class RecentKeys(int capacity = 10_000)
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _gate = new();

    /// <summary>True the first time <paramref name="key"/> is seen; false for a repeat.</summary>
    public bool TryAdd(string key)
    {
        lock (_gate)
        {
            if (!_set.Add(key))
            {
                return false;
            }

            _order.Enqueue(key);
            while (_order.Count > capacity)
            {
                _set.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
