using System.Collections.Concurrent;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Outbox;

/// <summary>Runs outbox deliveries, each platform in its own lane of at most <c>width</c> at once, so a platform whose
/// limits hold its deliveries back (Discord's global 50 requests per second) never holds back another's, and neither
/// waits for the other's batch to finish. Claims run one at a time and remember which items they started: an item stays
/// held from its start until the claim after its end (a claim that read the store while it ran may still see it pending),
/// so no claim starts it twice. An item whose delivery failed (an exception: it is still pending and due) stays held for
/// <c>failedHold</c> after its end, so the next claim does not start it again at once. A channel has one delivery under
/// way at a time: a claim starts the first due item of each channel (in the claim's order, which is the announcements'
/// order) and leaves a later one for the claim after that delivery's end, so a channel gets its announcements in order
/// and a message waiting for its channel's rate limit (Slack: one a second) never holds a lane's place that another
/// channel's first message could use. A delivery waiting for its retry does not hold its channel: a later announcement
/// may go first rather than wait behind a channel that keeps failing.</summary>
internal sealed class DeliveryLanes(int width, TimeSpan failedHold = default, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentQueue<(string Id, long EndedAt)> _failedEnded = new();
    private readonly int _width = Math.Max(1, width);
    private readonly ConcurrentDictionary<PlatformKind, Lane> _lanes = new();
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ChannelRef, byte> _busyChannels = new();
    private readonly ConcurrentQueue<string> _ended = new();
    private readonly SemaphoreSlim _claimGate = new(1, 1);
    private int _running;
    private int _failures;

    private volatile bool _lastClaimFull;

    /// <summary>Deliveries started and not ended, all lanes.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Deliveries that ended with an exception or were cancelled, since the start.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Whether the latest claim came back full or left an item for a channel that had one under way, so more may
    /// be due than it started (set before its deliveries start, so their ends see it).</summary>
    public bool LastClaimFull => _lastClaimFull;

    /// <summary>Claims through <paramref name="due"/> (given how many items to ask for: <paramref name="size"/> more than
    /// are held) and starts each item not held, in turns across platforms (<see cref="InTurns"/>); returns the started
    /// deliveries. <paramref name="ended"/> is told about each delivery's end (<see cref="DeliveryEnd"/>).</summary>
    public async Task<List<Task>> ClaimAsync(int size, Func<int, CancellationToken, Task<IReadOnlyList<OutboxItem>>> due,
        Func<OutboxItem, CancellationToken, Task> deliver, Action<DeliveryEnd> ended, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(due);
        await _claimGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Items that ended before this claim reads the store are recorded there (or still pending after a failure,
            // and then claimable again).
            while (_ended.TryDequeue(out var id))
            {
                _held.TryRemove(id, out _);
            }

            while (_failedEnded.TryPeek(out var failed) && _time.GetElapsedTime(failed.EndedAt) >= failedHold && _failedEnded.TryDequeue(out failed))
            {
                _held.TryRemove(failed.Id, out _);
            }

            var ask = size + _held.Count;
            var items = await due(ask, ct).ConfigureAwait(false);
            var waiting = items.Where(i => !_held.ContainsKey(i.Id)).GroupBy(i => i.Channel).Any(channel => channel.Count() > 1 || _busyChannels.ContainsKey(channel.Key));
            _lastClaimFull = items.Count >= ask || waiting;
            var started = new List<Task>(items.Count);
            foreach (var item in InTurns(items))
            {
                // Claims run one at a time, so an item not held now is added below; its channel stays busy until it ends.
                if (!_held.ContainsKey(item.Id) && _busyChannels.TryAdd(item.Channel, 0))
                {
                    _held.TryAdd(item.Id, 0);
                    var lane = _lanes.GetOrAdd(item.Channel.Platform, _ => new Lane(_width));
                    Interlocked.Increment(ref lane.Count);
                    Interlocked.Increment(ref _running);
                    started.Add(RunAsync(item, lane, deliver, ended, ct));
                }
            }

            return started;
        }
        finally
        {
            _claimGate.Release();
        }
    }

    /// <summary>The claim in turns, one item of each platform at a time (each platform's items in the claim's order): the
    /// first deliveries of every platform start together, rather than one platform's whole share first.</summary>
    public static IEnumerable<OutboxItem> InTurns(IReadOnlyList<OutboxItem> due)
    {
        var queues = due.GroupBy(i => i.Channel.Platform).Select(g => g.GetEnumerator()).ToList();
        try
        {
            while (queues.Count > 0)
            {
                for (var i = 0; i < queues.Count; i++)
                {
                    if (queues[i].MoveNext())
                    {
                        yield return queues[i].Current;
                    }
                    else
                    {
                        queues[i].Dispose();
                        queues.RemoveAt(i--);
                    }
                }
            }
        }
        finally
        {
            queues.ForEach(q => q.Dispose());
        }
    }

    private async Task RunAsync(OutboxItem item, Lane lane, Func<OutboxItem, CancellationToken, Task> deliver,
        Action<DeliveryEnd> ended, CancellationToken ct)
    {
        var failed = true;
        try
        {
            // Yield first: the claim starts all its items before any delivery's synchronous part runs.
            await Task.Yield();
            await lane.Gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await deliver(item, ct).ConfigureAwait(false);
                failed = false;
            }
            finally
            {
                lane.Gate.Release();
            }
        }
        finally
        {
            _busyChannels.TryRemove(item.Channel, out _);
            if (failed)
            {
                Interlocked.Increment(ref _failures);
                _failedEnded.Enqueue((item.Id, _time.GetTimestamp()));
            }
            else
            {
                _ended.Enqueue(item.Id);
            }

            // Each count is seen by exactly one ending delivery, so a threshold is crossed once.
            var laneLeft = Interlocked.Decrement(ref lane.Count);
            ended(new DeliveryEnd(item.Channel.Platform, laneLeft, Interlocked.Decrement(ref _running), failed));
        }
    }

    private sealed class Lane(int width)
    {
        public readonly SemaphoreSlim Gate = new(width, width);
        public int Count;
    }
}
