using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Tests.Rest;

/// <summary>The global limit (50 requests a second) holds the bot's own requests; Discord does not count the
/// interaction endpoints (the callback, the original response, follow-ups) against it, so a signer's answer never
/// queues behind a milestone's fan-out to every server.</summary>
public sealed class RateLimitGlobalTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-06T00:00:00Z", CultureInfo.InvariantCulture));
    private readonly DiscordRateLimiter _limiter;

    public RateLimitGlobalTests() => _limiter = new DiscordRateLimiter(_time, NullLogger<DiscordRateLimiter>.Instance);

    [Theory]
    [InlineData("PATCH", "/api/v10/webhooks/800000000000000001/tok/messages/@original")]
    [InlineData("POST", "/api/v10/webhooks/800000000000000001/tok")]
    [InlineData("POST", "/api/v10/interactions/900000000000000001/tok/callback")]
    public async Task AcquireAsync_GlobalWindowFull_InteractionEndpointGoesAtOnce(string method, string path)
    {
        await FillGlobalWindowAsync();

        var answer = Route(method, path);
        var acquired = _limiter.AcquireAsync(answer);
        Assert.True(acquired.IsCompleted, "an interaction endpoint does not wait for the global window");
        var (bucket, slot) = await acquired;
        Assert.Null(slot);
        _limiter.Release(answer, bucket, slot, null, null, false);
    }

    [Fact]
    public async Task AcquireAsync_GlobalWindowFull_ChannelPostWaitsForTheWindow()
    {
        await FillGlobalWindowAsync();

        await RateLimitWaits.AssertHeldUntilAdvancedAsync(_limiter, _time, Route("POST", "/api/v10/channels/700000000000000999/messages"),
            TimeSpan.FromSeconds(1.1), "fifty requests were sent in this second");
    }

    [Fact]
    public async Task Release_CallbackAnsweredGlobal429_ItsRetryWaitsForRetryAfter()
    {
        var callback = Route("POST", "/api/v10/interactions/900000000000000001/tok/callback");
        var (bucket, slot) = await _limiter.AcquireAsync(callback);
        using (var limited = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests))
        {
            _limiter.Release(callback, bucket, slot, limited, TimeSpan.FromSeconds(1.5), global: true);
        }

        await RateLimitWaits.AssertHeldUntilAdvancedAsync(_limiter, _time, callback, TimeSpan.FromSeconds(1.5),
            "Discord said to wait 1.5 s, for every request, this callback's retry included");
    }

    private async Task FillGlobalWindowAsync()
    {
        for (var i = 0; i < DiscordRateLimiter.GlobalPerSecond; i++)
        {
            var post = Route("POST", $"/api/v10/channels/{700000000000000000 + i}/messages");
            var (bucket, slot) = await _limiter.AcquireAsync(post);
            Assert.NotNull(slot);
            using var ok = RateLimitAnswers.Ok("channel-messages", limit: 5, remaining: 4, resetAfter: 5);
            _limiter.Release(post, bucket, slot, ok, null, false);
        }
    }

    private static DiscordRoute Route(string method, string path) =>
        DiscordRoute.From(new HttpMethod(method), new Uri("http://discord.test" + path));
}
