using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Tests.Rest;

/// <summary>X-RateLimit-Reset-After comes to the millisecond, rounded: the bucket may really reset up to half a
/// millisecond after the value says. A request sent exactly at the rounded reset can land before it (the fake Discord
/// then answers 429, about once in 40 fan-outs on loopback), so the pacer waits one header unit more.</summary>
public sealed class RateLimitResetTests
{
    private static readonly DiscordRoute Route = DiscordRoute.From(HttpMethod.Post, new Uri("http://discord.test/api/v10/channels/1/messages"));

    [Fact]
    public async Task AcquireAsync_AtTheRoundedReset_WaitsOneMillisecondMore()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var limiter = new DiscordRateLimiter(time, NullLogger<DiscordRateLimiter>.Instance);
        var (bucket, slot) = await limiter.AcquireAsync(Route);
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("X-RateLimit-Remaining", "0");
        response.Headers.Add("X-RateLimit-Reset-After", "0.123"); // the true reset may be 0.1234…
        limiter.Release(Route, bucket, slot, response, null, false);

        time.Advance(TimeSpan.FromMilliseconds(123));
        await RateLimitWaits.AssertHeldUntilAdvancedAsync(limiter, time, Route, TimeSpan.FromMilliseconds(1),
            "sent at the rounded reset, before the bucket surely reset");
    }
}
