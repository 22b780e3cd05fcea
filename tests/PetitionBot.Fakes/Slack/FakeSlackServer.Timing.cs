using System.Collections.Concurrent;
using System.Diagnostics;

namespace PetitionBot.Fakes.Slack;

/// <summary>Timestamps for load tests (when each envelope was written to the socket, when its ack arrived), notifications
/// of recorded messages and views, and the optional Web API rate limits (<see cref="RateLimits"/>).</summary>
public sealed partial class FakeSlackServer
{
    private readonly ConcurrentDictionary<string, long> _dispatchTimestamps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _ackTimestamps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastChannelPost = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<long>> _methodWindows = new(StringComparer.Ordinal);
    private int _rateLimitViolations;

    /// <summary>When set, the Web API answers 429 for calls over these limits (see <see cref="FakeSlackRateLimits"/>).</summary>
    public FakeSlackRateLimits? RateLimits { get; set; }

    /// <summary>How many calls the fake answered 429 because of <see cref="RateLimits"/>.</summary>
    public int RateLimitViolations => Volatile.Read(ref _rateLimitViolations);

    /// <summary>Raised for every message recorded (posted, ephemeral, response_url), on the request's thread.</summary>
    public event Action<FakeSlackMessage>? MessageRecorded;

    /// <summary>Raised for every view opened or updated, on the request's thread.</summary>
    public event Action<FakeSlackView>? ViewRecorded;

    /// <summary>From writing the envelope to the socket (just before the send) to the arrival of its first ack; null while
    /// none arrived.</summary>
    public TimeSpan? AckLatency(string envelopeId) =>
        _dispatchTimestamps.TryGetValue(envelopeId, out var sent) && _ackTimestamps.TryGetValue(envelopeId, out var acked)
            ? Stopwatch.GetElapsedTime(sent, acked)
            : null;

    private void NoteDispatch(string envelopeId) => _dispatchTimestamps.TryAdd(envelopeId, Stopwatch.GetTimestamp());

    private void NoteAck(string envelopeId, long arrived) => _ackTimestamps.TryAdd(envelopeId, arrived);

    private void Notify<T>(T item)
    {
        switch (item)
        {
            case FakeSlackMessage m:
                MessageRecorded?.Invoke(m);
                break;
            case FakeSlackView v:
                ViewRecorded?.Invoke(v);
                break;
            default:
                break;
        }
    }

    /// <summary>Counts the call against <see cref="RateLimits"/>; returns the Retry-After in whole seconds when it is over
    /// a limit (the call is then not counted), else null.</summary>
    internal int? RateLimitExceeded(FakeSlackApiCall call, FakeSlackTeam team)
    {
        if (RateLimits is not { } limits)
        {
            return null;
        }

        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            string? channelKey = null;
            if (call.Method == "chat.postMessage" && call.Param("channel") is { Length: > 0 } channel)
            {
                channelKey = team.Id + "|" + channel;
                if (_lastChannelPost.TryGetValue(channelKey, out var last) && Stopwatch.GetElapsedTime(last, now) < limits.PerChannelInterval)
                {
                    return Violation(limits.PerChannelInterval - Stopwatch.GetElapsedTime(last, now));
                }
            }

            Queue<long>? window = null;
            if (limits.PerMinute.TryGetValue(call.Method, out var perMinute))
            {
                var key = team.Id + "|" + call.Method;
                if (!_methodWindows.TryGetValue(key, out window))
                {
                    _methodWindows[key] = window = new Queue<long>();
                }

                while (window.Count > 0 && Stopwatch.GetElapsedTime(window.Peek(), now) >= TimeSpan.FromMinutes(1))
                {
                    window.Dequeue();
                }

                if (window.Count >= perMinute)
                {
                    return Violation(TimeSpan.FromMinutes(1) - Stopwatch.GetElapsedTime(window.Peek(), now));
                }
            }

            window?.Enqueue(now);
            if (channelKey is not null)
            {
                _lastChannelPost[channelKey] = now;
            }

            return null;
        }
    }

    private int Violation(TimeSpan wait)
    {
        Interlocked.Increment(ref _rateLimitViolations);
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }
}
