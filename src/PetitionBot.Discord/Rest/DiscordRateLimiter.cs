using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace PetitionBot.Discord.Rest;

/// <summary>Proactive rate limiting learned from the <c>X-RateLimit-*</c> headers: one state per bucket and top-level
/// resource, plus the global limit (50 requests per second, interaction callbacks exempt) and global 429 blocks.</summary>
internal sealed class DiscordRateLimiter(TimeProvider time, ILogger<DiscordRateLimiter> logger)
{
    public const int GlobalPerSecond = 50;

    private readonly ConcurrentDictionary<string, string> _bucketByTemplate = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _globalWindow = new();
    private readonly Lock _globalGate = new();
    private DateTimeOffset _globalBlockedUntil;

    public async Task<RateLimitBucket> AcquireAsync(DiscordRoute route, CancellationToken ct = default)
    {
        var bucket = _buckets.GetOrAdd(Key(route), _ => new RateLimitBucket());
        await bucket.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                var wait = bucket.WaitTime(now);
                var globalWait = route.IsInteractionCallback ? TimeSpan.Zero : GlobalWait(now);
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

            return bucket;
        }
        catch
        {
            bucket.Gate.Release();
            throw;
        }
    }

    /// <summary>Learns from the response (null when the request failed) and lets the next request of the bucket go.</summary>
    public void Release(DiscordRoute route, RateLimitBucket bucket, HttpResponseMessage? response, TimeSpan? retryAfter, bool global)
    {
        try
        {
            if (response is null)
            {
                return;
            }

            var now = time.GetUtcNow();
            var headers = response.Headers;
            if (Header(headers, "X-RateLimit-Bucket") is { } hash && !_bucketByTemplate.ContainsKey(route.Template))
            {
                _bucketByTemplate[route.Template] = hash;
                _buckets.TryAdd(Key(route), bucket);
            }

            if (double.TryParse(Header(headers, "X-RateLimit-Remaining"), NumberStyles.Float, CultureInfo.InvariantCulture, out var remaining))
            {
                bucket.Remaining = (int)remaining;
            }

            if (double.TryParse(Header(headers, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
            {
                bucket.ResetAt = now + TimeSpan.FromSeconds(resetAfter);
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = retryAfter ?? TimeSpan.FromSeconds(1);
                logger.RateLimited(route.Template, (long)wait.TotalMilliseconds, global);
                if (global)
                {
                    _globalBlockedUntil = now + wait;
                }
                else
                {
                    bucket.Remaining = 0;
                    bucket.ResetAt = now + wait;
                }
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    private string Key(DiscordRoute route) =>
        (_bucketByTemplate.TryGetValue(route.Template, out var hash) ? hash : route.Template) + "|" + route.Major;

    private TimeSpan GlobalWait(DateTimeOffset now)
    {
        lock (_globalGate)
        {
            if (_globalBlockedUntil > now)
            {
                return _globalBlockedUntil - now;
            }

            while (_globalWindow.Count > 0 && now - _globalWindow.Peek() >= TimeSpan.FromSeconds(1))
            {
                _globalWindow.Dequeue();
            }

            if (_globalWindow.Count >= GlobalPerSecond)
            {
                return _globalWindow.Peek() + TimeSpan.FromSeconds(1) - now;
            }

            _globalWindow.Enqueue(now);
            return TimeSpan.Zero;
        }
    }

    private static string? Header(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
