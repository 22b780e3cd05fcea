using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Pacing;

namespace PetitionBot.Discord.Rest;

/// <summary>Proactive rate limiting learned from the <c>X-RateLimit-*</c> headers: one state per bucket and top-level
/// resource, plus the global limit (50 requests per second; interaction endpoints exempt) and global 429 blocks.
/// A request's global slot is held until one second after its response arrived (not after it was sent): Discord counts
/// a request when it arrives, so slots freed from the send time let a later batch land inside the window of a delayed
/// earlier one, and a fan-out then hits global 429s.
/// A bucket is kept per route and major parameter; an interaction's webhook routes have the interaction as theirs, so
/// a bucket unused for <see cref="IdleFor"/>, free and past its reset is dropped (<see cref="DropIdle"/>): what it knew
/// has expired. A callback's bucket is kept only once a response asks for a wait (a 429, or none left before the
/// reset): an interaction has one callback, sent again only after a 429, so a bucket kept otherwise is never used.</summary>
internal sealed class DiscordRateLimiter(TimeProvider time, ILogger<DiscordRateLimiter> logger)
{
    public const int GlobalPerSecond = 50;

    /// <summary>Buckets looked at per request while a pass of the idle sweep is under way.</summary>
    public const int SweepBatch = 256;

    /// <summary>How long a bucket stays after its last use (and its reset). A bucket past its reset knows nothing a new
    /// one would not learn from the next response, so this bounds memory only: a sweep runs at most once per this time,
    /// so up to two of these times' worth of webhook buckets are held (a minute held 144,000 at 1,200 interactions/s).</summary>
    public static TimeSpan IdleFor { get; } = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, string> _bucketByTemplate = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly SlidingWindow _globalWindow = new(TimeSpan.FromSeconds(1));
    private readonly Lock _globalGate = new();
    private DateTimeOffset _globalBlockedUntil;
    private readonly Lock _sweepGate = new();
    private IEnumerator<KeyValuePair<string, RateLimitBucket>>? _sweep;
    private volatile bool _sweeping;
    private long _sweptAtTicks;

    /// <summary>Buckets held now (per route and major parameter; one bucket may stand under two keys).</summary>
    internal int BucketCount => _buckets.Count;

    /// <summary>Waits for the bucket and the global limit. <c>Slot</c> is the request's place in the global window
    /// (null for interaction endpoints); pass it back to <see cref="Release"/>.</summary>
    public async Task<(RateLimitBucket Bucket, StrongBox<DateTimeOffset>? Slot)> AcquireAsync(DiscordRoute route, CancellationToken ct = default)
    {
        var bucket = BucketFor(route);
        await bucket.Gate.WaitAsync(ct).ConfigureAwait(false);
        while (bucket.Retired)
        {
            // Dropped as idle between the look-up and the gate: the route's bucket is a new one now.
            bucket.Gate.Release();
            bucket = BucketFor(route);
            await bucket.Gate.WaitAsync(ct).ConfigureAwait(false);
        }

        try
        {
            StrongBox<DateTimeOffset>? slot = null;
            while (true)
            {
                var now = time.GetUtcNow();
                var wait = bucket.WaitTime(now);
                var globalWait = TimeSpan.Zero;
                if (wait <= TimeSpan.Zero && !route.IsInteraction)
                {
                    (globalWait, slot) = GlobalWait(now);
                }

                var delay = wait > globalWait ? wait : globalWait;
                if (delay <= TimeSpan.Zero)
                {
                    break;
                }

                await Task.Delay(delay, time, ct).ConfigureAwait(false);
            }

            if (bucket.Remaining is > 0)
            {
                bucket.Remaining--;
            }

            return (bucket, slot);
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    /// <summary>Learns from the response (null when the request failed) and lets the next request of the bucket go.</summary>
    public void Release(DiscordRoute route, RateLimitBucket bucket, StrongBox<DateTimeOffset>? slot, HttpResponseMessage? response,
        TimeSpan? retryAfter, bool global)
    {
        try
        {
            if (slot is not null)
            {
                lock (_globalGate)
                {
                    slot.Value = time.GetUtcNow();
                }
            }

            if (response is null)
            {
                return;
            }

            var now = time.GetUtcNow();
            bucket.Touch(now);
            var headers = response.Headers;
            var name = Header(headers, "X-RateLimit-Bucket");
            if (name is not null)
            {
                // This route's bucket (found under the template while the hash was unknown) is the hash's bucket for
                // this major parameter from now on, for every route that shares the hash.
                _bucketByTemplate.TryAdd(route.Template, name);
                if (bucket.Kept)
                {
                    _buckets.TryAdd(name + "|" + route.Major, bucket);
                }
            }

            bucket.Learn(Header(headers, "X-RateLimit-Remaining"), Header(headers, "X-RateLimit-Reset-After"), now);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = retryAfter ?? TimeSpan.FromSeconds(1);
                logger.RateLimited(route.Template, (long)wait.TotalMilliseconds, global);
                Core.Telemetry.BotMetrics.RateLimited.Add(1,
                    new KeyValuePair<string, object?>("platform", "discord"),
                    new KeyValuePair<string, object?>("scope", global ? "global" : "route"));
                if (global)
                {
                    _globalBlockedUntil = now + wait;
                }

                if (!global || route.IsInteraction)
                {
                    // An interaction endpoint does not wait for the global block: its own retry waits on its bucket.
                    bucket.Remaining = 0;
                    bucket.ResetAt = now + wait;
                }
            }

            if (!bucket.Kept && bucket.Remaining is 0 && bucket.ResetAt > now)
            {
                // A callback answered "wait": its retry must find this bucket, so it is kept from now on.
                bucket.Kept = true;
                _buckets.TryAdd(route.Template + "|" + route.Major, bucket);
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    /// <summary>The bucket of a route: by its template and major parameter until Discord names the bucket, then by that
    /// name. A request of another major parameter that started before the name was learned holds the template-keyed
    /// bucket; later requests of that major parameter must find the same bucket (two buckets for one channel would let
    /// both send, and the channel's limit would be overrun).</summary>
    private RateLimitBucket BucketFor(DiscordRoute route)
    {
        var now = time.GetUtcNow();
        DropIdle(now);
        var byTemplate = route.Template + "|" + route.Major;
        if (route.IsInteractionCallback)
        {
            // Kept only when an earlier response of this callback asked for a wait (see Release): found by its template.
            return _buckets.TryGetValue(byTemplate, out var kept) && !kept.Retired ? kept : new RateLimitBucket { Kept = false };
        }

        while (true)
        {
            var byHash = _bucketByTemplate.TryGetValue(route.Template, out var hash) ? hash + "|" + route.Major : null;
            var bucket = byHash is null
                ? _buckets.GetOrAdd(byTemplate, _ => new RateLimitBucket())
                : _buckets.GetOrAdd(byHash, _ => _buckets.TryGetValue(byTemplate, out var earlier) && !earlier.Retired ? earlier : new RateLimitBucket());
            if (!bucket.Retired)
            {
                bucket.Touch(now);
                return bucket;
            }

            // A key that still points at a dropped bucket: it goes, and the next look-up makes a new one.
            _buckets.TryRemove(new KeyValuePair<string, RateLimitBucket>(byTemplate, bucket));
            if (byHash is not null)
            {
                _buckets.TryRemove(new KeyValuePair<string, RateLimitBucket>(byHash, bucket));
            }
        }
    }

    /// <summary>Drops the buckets unused for <see cref="IdleFor"/> whose reset has passed and that no request holds. A pass
    /// over all buckets starts at most once per <see cref="IdleFor"/> and is done <see cref="SweepBatch"/> buckets per
    /// request, so no request waits for the whole pass (100,000 buckets take about 70 ms).</summary>
    private void DropIdle(DateTimeOffset now)
    {
        if (!_sweeping && now.UtcTicks - Interlocked.Read(ref _sweptAtTicks) < IdleFor.Ticks)
        {
            return;
        }

        if (!_sweepGate.TryEnter())
        {
            return;
        }

        try
        {
            if (_sweep is null)
            {
                if (now.UtcTicks - _sweptAtTicks < IdleFor.Ticks)
                {
                    return;
                }

                Interlocked.Exchange(ref _sweptAtTicks, now.UtcTicks);
                _sweep = _buckets.GetEnumerator();
                _sweeping = true;
            }

            var cutoff = now - IdleFor;
            for (var n = 0; n < SweepBatch; n++)
            {
                if (!_sweep.MoveNext())
                {
                    _sweep.Dispose();
                    _sweep = null;
                    _sweeping = false;
                    return;
                }

                // A bucket can stand under two keys: the second key of one retired at the first goes too.
                var entry = _sweep.Current;
                if (entry.Value.Retired || TryRetire(entry.Value, now, cutoff))
                {
                    _buckets.TryRemove(entry);
                }
            }
        }
        finally
        {
            _sweepGate.Exit();
        }
    }

    /// <summary>Retires the bucket when it is free, unused since <paramref name="cutoff"/> and past its reset (checked
    /// again under its gate: a request may have found it meanwhile).</summary>
    private static bool TryRetire(RateLimitBucket bucket, DateTimeOffset now, DateTimeOffset cutoff)
    {
        if (!bucket.UnusedSince(cutoff) || !bucket.Gate.Wait(0))
        {
            return false;
        }

        try
        {
            return bucket.Retired = bucket.ResetAt <= now && bucket.UnusedSince(cutoff);
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    /// <summary>Takes a slot in the global window (zero wait), or tells how long to wait. A slot counts from its send
    /// time until <see cref="Release"/> moves it to the response time.</summary>
    private (TimeSpan Wait, StrongBox<DateTimeOffset>? Slot) GlobalWait(DateTimeOffset now)
    {
        lock (_globalGate)
        {
            if (_globalBlockedUntil > now)
            {
                return (_globalBlockedUntil - now, null);
            }

            var slot = _globalWindow.TryTake(now, GlobalPerSecond, out var wait);
            if (slot is null)
            {
                return (wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), null);
            }

            return (TimeSpan.Zero, slot);
        }
    }

    private static string? Header(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
