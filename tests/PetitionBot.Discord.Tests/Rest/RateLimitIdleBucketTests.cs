using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Tests.Rest;

/// <summary>The limiter keeps a bucket per route and major parameter, and an interaction's callback and webhook routes
/// have the interaction itself as their major parameter: a bucket per interaction. Those must not stay for the life of
/// the process (a bot answers millions of interactions), and dropping them must not forget a limit still in force.
/// A callback's bucket is kept only when its response asks for a wait (none remaining, or a 429), so the tests of
/// dropping idle buckets answer their callbacks with none remaining.</summary>
public sealed class RateLimitIdleBucketTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-06T00:00:00Z", CultureInfo.InvariantCulture));
    private readonly DiscordRateLimiter _limiter;

    public RateLimitIdleBucketTests() => _limiter = new DiscordRateLimiter(_time, NullLogger<DiscordRateLimiter>.Instance);

    [Fact]
    public async Task AcquireAsync_ThousandInteractionsAnsweredThenIdle_TheirBucketsAreDropped()
    {
        for (var i = 0; i < 1000; i++)
        {
            await SendAsync(Callback(i), Answer("interaction-callback", remaining: 0, resetAfter: 0.2));
        }

        Assert.True(_limiter.BucketCount >= 1000, $"one bucket per interaction while they are fresh, got {_limiter.BucketCount}");

        _time.Advance(DiscordRateLimiter.IdleFor + TimeSpan.FromSeconds(1));
        await SendAsync(Channel("700000000000000010"), Answer("channel-messages", remaining: 4, resetAfter: 1));
        Assert.True(_limiter.BucketCount > 2, "one request looks at one batch of buckets, not at all of them");
        for (var i = 0; i < 1000 / DiscordRateLimiter.SweepBatch; i++)
        {
            await SendAsync(Channel("700000000000000010"), Answer("channel-messages", remaining: 4, resetAfter: 1));
        }

        Assert.InRange(_limiter.BucketCount, 1, 2); // the channel's bucket, under its template and under its name
    }

    [Fact]
    public async Task AcquireAsync_SteadyHundredInteractionsASecondForAMinute_AtMostTwentySecondsOfThemHeld()
    {
        // A bucket goes at the first sweep after it has been idle for ten seconds, and sweeps are ten seconds apart: at
        // most twenty seconds' worth of interactions are held at once, however long the traffic lasts.
        const int bound = 2 * 10 * 100 + 1;
        var most = 0;
        for (var i = 0; i < 6000; i++)
        {
            await SendAsync(Callback(i), Answer("interaction-callback", remaining: 0, resetAfter: 0.2));
            most = Math.Max(most, _limiter.BucketCount);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.InRange(most, 1, bound);
    }

    [Fact]
    public async Task AcquireAsync_ThousandCallbacksAnsweredWithRoomLeft_NoBucketKept()
    {
        for (var i = 0; i < 1000; i++)
        {
            await SendAsync(Callback(i), Answer("interaction-callback", remaining: 1, resetAfter: 0.2));
        }

        Assert.Equal(0, _limiter.BucketCount);
    }

    [Fact]
    public async Task AcquireAsync_CallbackAnswered429_ItsRetryWaitsForRetryAfter()
    {
        var callback = Callback(7);
        var (bucket, slot) = await _limiter.AcquireAsync(callback);
        using (var limited = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests))
        {
            _limiter.Release(callback, bucket, slot, limited, TimeSpan.FromSeconds(2), global: false);
        }

        Assert.Equal(1, _limiter.BucketCount);
        var other = _limiter.AcquireAsync(Callback(8));
        Assert.True(other.IsCompleted, "another interaction's callback is not held by this one's 429");
        var (otherBucket, otherSlot) = await other;
        _limiter.Release(Callback(8), otherBucket, otherSlot, null, null, false);

        await RateLimitWaits.AssertHeldUntilAdvancedAsync(_limiter, _time, callback, TimeSpan.FromSeconds(2),
            "Discord said to wait 2 s before sending that callback again");
    }

    [Fact]
    public async Task AcquireAsync_CallbackAnsweredNoneRemaining_ItsNextRequestWaitsForTheReset()
    {
        var callback = Callback(7);
        await SendAsync(callback, Answer("interaction-callback", remaining: 0, resetAfter: 1.5));

        await RateLimitWaits.AssertHeldUntilAdvancedAsync(_limiter, _time, callback, TimeSpan.FromSeconds(1.6),
            "the callback's bucket has none left for 1.5 s");
    }

    [Fact]
    public async Task AcquireAsync_LimitStillInForcePastTheIdleTime_NextRequestStillWaitsForTheReset()
    {
        var limited = Channel("700000000000000010");
        await SendAsync(limited, Answer("channel-messages", remaining: 0, resetAfter: 300));

        _time.Advance(TimeSpan.FromMinutes(2));
        await SendAsync(Channel("700000000000000011"), Answer("channel-messages", remaining: 4, resetAfter: 1));

        await RateLimitWaits.AssertHeldUntilAdvancedAsync(_limiter, _time, limited, TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1),
            "the channel's limit runs three more minutes");
    }

    [Fact]
    public async Task AcquireAsync_BucketHeldByARequestPastTheIdleTime_KeptWithWhatItsResponseTeaches()
    {
        var slow = Channel("700000000000000010");
        var (held, heldSlot) = await _limiter.AcquireAsync(slow);

        _time.Advance(TimeSpan.FromMinutes(2));
        await SendAsync(Channel("700000000000000011"), Answer("channel-messages", remaining: 4, resetAfter: 1));
        using (var exhausted = Answer("channel-messages", remaining: 0, resetAfter: 10))
        {
            _limiter.Release(slow, held, heldSlot, exhausted, null, false);
        }

        await RateLimitWaits.AssertHeldUntilAdvancedAsync(_limiter, _time, slow, TimeSpan.FromSeconds(11),
            "the held request's response said the channel is used up for 10 s");
    }

    private async Task SendAsync(DiscordRoute route, HttpResponseMessage response)
    {
        using (response)
        {
            var (bucket, slot) = await _limiter.AcquireAsync(route);
            _limiter.Release(route, bucket, slot, response, null, false);
        }
    }

    private static HttpResponseMessage Answer(string bucket, int remaining, double resetAfter) =>
        RateLimitAnswers.Ok(bucket, limit: 5, remaining, resetAfter);

    private static DiscordRoute Callback(int interaction) =>
        DiscordRoute.From(HttpMethod.Post, new Uri($"http://discord.test/api/v10/interactions/{900000000000000000 + interaction}/token{interaction}/callback"));

    private static DiscordRoute Channel(string channel) =>
        DiscordRoute.From(HttpMethod.Post, new Uri($"http://discord.test/api/v10/channels/{channel}/messages"));
}
