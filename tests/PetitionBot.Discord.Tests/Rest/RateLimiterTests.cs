using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Tests.Rest;

/// <summary>The rate-limit handler with a stub transport: waits learned from headers and 429s.</summary>
public sealed class RateLimiterTests
{
    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<(string Path, TimeSpan At)> Calls { get; } = [];

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Calls)
            {
                Calls.Add((request.RequestUri!.AbsolutePath, Clock.Elapsed));
            }

            return Task.FromResult(respond(request));
        }
    }

    private static (HttpClient Client, StubHandler Stub) Create(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var stub = new StubHandler(respond);
        var handler = new RateLimitHandler(new DiscordRateLimiter(TimeProvider.System, NullLogger<DiscordRateLimiter>.Instance)) { InnerHandler = stub };
        return (new HttpClient(handler) { BaseAddress = new Uri("http://discord.test/api/v10/") }, stub);
    }

    private static HttpResponseMessage Ok(int remaining, double resetAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
        response.Headers.Add("X-RateLimit-Limit", "5");
        response.Headers.Add("X-RateLimit-Remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Reset-After", resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("X-RateLimit-Bucket", "abc123");
        return response;
    }

    [Fact]
    public async Task Send_RemainingZero_WaitsUntilResetBeforeNextRequest()
    {
        var (client, stub) = Create(_ => Ok(0, 0.4));

        await client.PostAsync("channels/1/messages", new StringContent("{}"));
        await client.PostAsync("channels/1/messages", new StringContent("{}"));

        Assert.Equal(2, stub.Calls.Count);
        Assert.True(stub.Calls[1].At - stub.Calls[0].At >= TimeSpan.FromMilliseconds(350), $"gap {stub.Calls[1].At - stub.Calls[0].At}");
    }

    [Fact]
    public async Task Send_RemainingZeroOnOtherChannel_DoesNotWait()
    {
        var (client, stub) = Create(_ => Ok(0, 5));

        await client.PostAsync("channels/1/messages", new StringContent("{}"));
        await client.PostAsync("channels/2/messages", new StringContent("{}"));

        Assert.True(stub.Calls[1].At - stub.Calls[0].At < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Send_Global429_AllRoutesWaitRetryAfter()
    {
        var first = true;
        var (client, stub) = Create(_ =>
        {
            if (!first)
            {
                return Ok(4, 1);
            }

            first = false;
            var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            {
                Content = new StringContent("""{"message":"You are being rate limited.","retry_after":0.4,"global":true}"""),
            };
            limited.Headers.Add("X-RateLimit-Global", "true");
            return limited;
        });

        var response = await client.PostAsync("channels/1/messages", new StringContent("{}"));
        await client.PutAsync("applications/9/commands", new StringContent("[]"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(stub.Calls[1].At - stub.Calls[0].At >= TimeSpan.FromMilliseconds(350), $"gap {stub.Calls[1].At - stub.Calls[0].At}");
    }

    [Theory]
    [InlineData("POST", "/api/v10/channels/123/messages", "POST/channels/{major}/messages", "/123")]
    [InlineData("PATCH", "/api/v10/webhooks/9/tok/messages/@original", "PATCH/webhooks/{major}/{major}/messages/@original", "/9/56F9B71944659FBD")]
    [InlineData("POST", "/api/v10/interactions/5/tok/callback", "POST/interactions/{major}/{major}/callback", "/5/56F9B71944659FBD")]
    [InlineData("PUT", "/api/v10/applications/9/guilds/5/commands", "PUT/applications/{id}/guilds/{id}/commands", "")]
    public void Route_Path_TemplateAndMajorParameter(string method, string path, string template, string major)
    {
        var route = DiscordRoute.From(new HttpMethod(method), new Uri("http://discord.test" + path));

        Assert.Equal(template, route.Template);
        Assert.Equal(major, route.Major);
    }

    [Fact]
    public void Route_InteractionTokens_MajorHoldsAHashThatTellsThemApart()
    {
        var token = "aW50ZXJhY3Rpb246" + new string('x', 180);
        DiscordRoute Callback(string t) => DiscordRoute.From(HttpMethod.Post, new Uri($"http://discord.test/api/v10/interactions/5/{t}/callback"));

        Assert.DoesNotContain(token, Callback(token).Major, StringComparison.Ordinal);
        Assert.Equal(Callback(token).Major, Callback(token).Major);
        Assert.NotEqual(Callback(token).Major, Callback(token + "y").Major);
        Assert.Equal("/5/".Length + 16, Callback(token).Major.Length);
    }
}
