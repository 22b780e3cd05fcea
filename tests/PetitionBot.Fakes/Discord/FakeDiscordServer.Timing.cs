using System.Collections.Concurrent;
using System.Diagnostics;

namespace PetitionBot.Fakes.Discord;

/// <summary>Timestamps for load tests: when each INTERACTION_CREATE was dispatched and its first callback arrived,
/// when READY was sent, when channel messages were created; and the optional global request limit.</summary>
public sealed partial class FakeDiscordServer
{
    private readonly ConcurrentDictionary<string, long> _dispatchTimestamps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _callbackTimestamps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FakeRestRequest>> _callbackWaiters = new(StringComparer.Ordinal);
    private readonly Queue<long> _globalWindow = new();
    private readonly List<long> _messageTimestamps = [];
    private DateTimeOffset? _readySentAt;

    /// <summary>When the first READY was sent (after an Identify), or null.</summary>
    public DateTimeOffset? ReadySentAt
    {
        get
        {
            lock (_gate)
            {
                return _readySentAt;
            }
        }
    }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> of each accepted channel message (POST channels/{id}/messages, 200), in order.</summary>
    public IReadOnlyList<long> MessageTimestamps
    {
        get
        {
            lock (_gate)
            {
                return [.. _messageTimestamps];
            }
        }
    }

    /// <summary>From dispatching INTERACTION_CREATE (<see cref="SendInteractionAsync"/>) to the arrival of its first
    /// callback request (before the body is read); null while none arrived.</summary>
    public TimeSpan? CallbackLatency(string interactionId) =>
        _dispatchTimestamps.TryGetValue(interactionId, out var sent) && _callbackTimestamps.TryGetValue(interactionId, out var arrived)
            ? Stopwatch.GetElapsedTime(sent, arrived)
            : null;

    /// <summary>Completes with the first callback request of the interaction (whatever it was answered).</summary>
    public async Task<FakeRestRequest> WaitForCallbackAsync(string interactionId, TimeSpan? timeout = null)
    {
        var waiter = _callbackWaiters.GetOrAdd(interactionId, _ => new TaskCompletionSource<FakeRestRequest>(TaskCreationOptions.RunContinuationsAsynchronously));
        return await waiter.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    private void NoteTimings(string method, string path, long arrived, int status, FakeRestRequest request)
    {
        if (method == "POST" && path.StartsWith("interactions/", StringComparison.Ordinal) && path.EndsWith("/callback", StringComparison.Ordinal))
        {
            var id = path.Split('/')[1];
            if (_callbackTimestamps.TryAdd(id, arrived))
            {
                _callbackWaiters.GetOrAdd(id, _ => new TaskCompletionSource<FakeRestRequest>(TaskCreationOptions.RunContinuationsAsynchronously))
                    .TrySetResult(request);
            }
        }
        else if (method == "POST" && status == 200 && path.StartsWith("channels/", StringComparison.Ordinal) && path.EndsWith("/messages", StringComparison.Ordinal))
        {
            lock (_gate)
            {
                _messageTimestamps.Add(arrived);
            }
        }
    }

    /// <summary>Counts a request against <see cref="FakeDiscordOptions.GlobalRequestsPerSecond"/>; returns the wait
    /// when it is over the limit (the request is then not counted).</summary>
    private TimeSpan? GlobalLimitExceeded()
    {
        if (Options.GlobalRequestsPerSecond is not { } limit)
        {
            return null;
        }

        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            while (_globalWindow.Count > 0 && Stopwatch.GetElapsedTime(_globalWindow.Peek(), now) >= TimeSpan.FromSeconds(1))
            {
                _globalWindow.Dequeue();
            }

            if (_globalWindow.Count >= limit)
            {
                return TimeSpan.FromSeconds(1) - Stopwatch.GetElapsedTime(_globalWindow.Peek(), now);
            }

            _globalWindow.Enqueue(now);
            return null;
        }
    }
}
