using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Tests.WebApi;

public sealed class SlackRateLimitHandlerTests
{
    [Fact]
    public async Task ResponseUrlPosts_ManyTeamsAtOnce_NeverPaced()
    {
        // With a frozen clock any paced request would wait forever: every post must go straight through.
        var time = new FakeTimeProvider();
        using var http = Client(time, out var inner);

        var sends = Enumerable.Range(0, 60).Select(i => Send(http, new SlackRequestContext("response_url", null), $"https://hooks.example/response/{i}"));
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(60, inner.Count);
    }

    [Fact]
    public async Task WebApiMethod_BurstUpToTheMinuteQuota_GoesAtOnce_NextWaitsForTheWindow()
    {
        // 40 signers of one workspace opening the form in the same second must not wait (a trigger_id dies after 3 s);
        // Tier 4 allows 100 a minute. The 101st waits for the window, and another workspace is not held up.
        var time = new FakeTimeProvider();
        using var http = Client(time, out var inner);
        var quota = SlackMethodTiers.PerMinute("views.open")!.Value;

        await Task.WhenAll(Enumerable.Range(0, quota).Select(_ => Send(http, new SlackRequestContext("views.open", "xoxb-a", "TA"), "https://slack.example/api/views.open")))
            .WaitAsync(TimeSpan.FromSeconds(10));
        var paced = Send(http, new SlackRequestContext("views.open", "xoxb-a", "TA"), "https://slack.example/api/views.open");
        await Send(http, new SlackRequestContext("views.open", "xoxb-b", "TB"), "https://slack.example/api/views.open").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(quota + 1, inner.Count);
        Assert.False(paced.IsCompleted);
        time.Advance(SlackMethodTiers.Window);
        await paced.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(quota + 2, inner.Count);
    }

    private static HttpClient Client(TimeProvider time, out CountingHandler inner)
    {
        inner = new CountingHandler();
        var handler = new SlackRateLimitHandler(new SlackPacer(time), time, Options.Create(new SlackOptions()), NullLogger<SlackRateLimitHandler>.Instance)
        {
            InnerHandler = inner,
        };
        return new HttpClient(handler);
    }

    private static async Task Send(HttpClient http, SlackRequestContext context, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Options.Set(SlackRequestContext.Key, context);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
