using Microsoft.Extensions.Time.Testing;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Tests.Rest;

/// <summary>The check the limiter's tests share: the next request of a route is held (still waiting after 50 ms of real
/// time), and goes once the fake clock has moved on.</summary>
internal static class RateLimitWaits
{
    public static async Task AssertHeldUntilAdvancedAsync(DiscordRateLimiter limiter, FakeTimeProvider time, DiscordRoute route,
        TimeSpan advance, string because)
    {
        var next = limiter.AcquireAsync(route);
        await Task.Delay(50);
        Assert.False(next.IsCompleted, because);

        time.Advance(advance);
        var (bucket, slot) = await next.WaitAsync(TimeSpan.FromSeconds(5));
        limiter.Release(route, bucket, slot, null, null, false);
    }
}
