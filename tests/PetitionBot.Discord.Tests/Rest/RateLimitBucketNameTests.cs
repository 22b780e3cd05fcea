using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Tests.Rest;

/// <summary>Discord names a route's bucket (X-RateLimit-Bucket) in its first response. A request to another channel of
/// the same route that was already on its way then holds a bucket found by the route's template; once that channel's
/// limit is learned, its next request must wait in the same bucket, not in a fresh one found by the name (a fan-out to
/// eight channels drew a 429 now and then that way).</summary>
public sealed class RateLimitBucketNameTests
{
    private static readonly DiscordRoute ChannelA = Route("700000000000000010");
    private static readonly DiscordRoute ChannelB = Route("700000000000000011");

    [Fact]
    public async Task AcquireAsync_ChannelInFlightWhenTheBucketWasNamed_NextRequestWaitsForItsReset()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var limiter = new DiscordRateLimiter(time, NullLogger<DiscordRateLimiter>.Instance);
        var (bucketA, slotA) = await limiter.AcquireAsync(ChannelA);
        var (bucketB, slotB) = await limiter.AcquireAsync(ChannelB);

        using (var named = Answer(remaining: 2))
        {
            limiter.Release(ChannelA, bucketA, slotA, named, null, false);
        }

        using (var exhausted = Answer(remaining: 0))
        {
            limiter.Release(ChannelB, bucketB, slotB, exhausted, null, false);
        }

        await RateLimitWaits.AssertHeldUntilAdvancedAsync(limiter, time, ChannelB, TimeSpan.FromMilliseconds(501),
            "channel B's limit is used up until its reset");
    }

    private static HttpResponseMessage Answer(int remaining) => RateLimitAnswers.Ok("abcd1234", limit: 3, remaining, resetAfter: 0.5);

    private static DiscordRoute Route(string channel) =>
        DiscordRoute.From(HttpMethod.Post, new Uri($"http://discord.test/api/v10/channels/{channel}/messages"));
}
