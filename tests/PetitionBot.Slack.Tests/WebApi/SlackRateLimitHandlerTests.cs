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
    public async Task WebApiMethod_BurstUpToTheMinuteQuota_GoesAtOnceAndNextWaitsForTheWindow()
    {
        // 40 signers of one workspace answered in the same second must not wait; Tier 4 allows 100 calls a minute. The
        // 101st waits for the window, and another workspace is not held up.
        var time = new FakeTimeProvider();
        using var http = Client(time, out var inner);
        var quota = SlackMethodTiers.PerMinute("views.update")!.Value;

        await Task.WhenAll(Enumerable.Range(0, quota).Select(_ => Send(http, new SlackRequestContext("views.update", "xoxb-a", "TA"), "https://slack.example/api/views.update")))
            .WaitAsync(TimeSpan.FromSeconds(10));
        var paced = Send(http, new SlackRequestContext("views.update", "xoxb-a", "TA"), "https://slack.example/api/views.update");
        await Send(http, new SlackRequestContext("views.update", "xoxb-b", "TB"), "https://slack.example/api/views.update").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(quota + 1, inner.Count);
        Assert.False(paced.IsCompleted);
        time.Advance(SlackMethodTiers.Window);
        await paced.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(quota + 2, inner.Count);
    }

    [Fact]
    public async Task ViewsOpen_PastTheMinuteQuota_GoesAtOnceInsteadOfOutlivingItsTrigger()
    {
        // A trigger_id lives 3 s: the 101st form of the minute would wait up to a minute for its slot and then meet an
        // expired trigger. It is sent at once instead (with a frozen clock, a paced call would never go).
        var time = new FakeTimeProvider();
        using var http = Client(time, out var inner);
        var quota = SlackMethodTiers.PerMinute("views.open")!.Value;
        SlackRequestContext Open() => new("views.open", "xoxb-a", "TA", MaxPacingWait: SlackWebApi.TriggerPacingLimit);

        await Task.WhenAll(Enumerable.Range(0, quota).Select(_ => Send(http, Open(), "https://slack.example/api/views.open"))).WaitAsync(TimeSpan.FromSeconds(10));
        await Send(http, Open(), "https://slack.example/api/views.open").WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(quota + 1, inner.Count);
    }

    [Fact]
    public async Task PostMessage_SameChannel_NextWaitsOneIntervalFromTheAnswerNotTheSend()
    {
        // Slack counts a message when it arrives; the answer comes after that. Spacing from the send let the next message
        // of a channel land inside the second of a message that travelled slowly, and drew a 429.
        var time = new FakeTimeProvider();
        var inner = new HeldHandler();
        var handler = new SlackRateLimitHandler(new SlackPacer(time), time, Options.Create(new SlackOptions()), NullLogger<SlackRateLimitHandler>.Instance) { InnerHandler = inner };
        using var http = new HttpClient(handler);
        var post = new SlackRequestContext("chat.postMessage", "xoxb-a", "TA", "C1");

        var first = Send(http, post, "https://slack.example/api/chat.postMessage");
        await inner.Arrived.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var second = Send(http, post, "https://slack.example/api/chat.postMessage");
        time.Advance(TimeSpan.FromMilliseconds(400));
        inner.Answer();
        await first.WaitAsync(TimeSpan.FromSeconds(10));

        time.Advance(TimeSpan.FromMilliseconds(700));
        await Task.Delay(50);
        Assert.Equal(1, inner.Count);
        time.Advance(TimeSpan.FromMilliseconds(300));
        await inner.Arrived.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        inner.Answer();
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, inner.Count);
    }

    [Fact]
    public async Task PostMessage_TimerFiresEarly_WaitsAgainForWhatIsLeft()
    {
        var time = new EarlyTimers(TimeSpan.FromMilliseconds(2));
        var inner = new CountingHandler();
        var handler = new SlackRateLimitHandler(new SlackPacer(time), time, Options.Create(new SlackOptions()), NullLogger<SlackRateLimitHandler>.Instance) { InnerHandler = inner };
        using var http = new HttpClient(handler);
        var post = new SlackRequestContext("chat.postMessage", "xoxb-a", "TA", "C1");
        await Send(http, post, "https://slack.example/api/chat.postMessage").WaitAsync(TimeSpan.FromSeconds(10));

        var second = Send(http, post, "https://slack.example/api/chat.postMessage");
        time.Advance(TimeSpan.FromMilliseconds(998));
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(2));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, inner.Count);
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

    private sealed class HeldHandler : HttpMessageHandler
    {
        private readonly System.Threading.Channels.Channel<TaskCompletionSource> _held = System.Threading.Channels.Channel.CreateUnbounded<TaskCompletionSource>();
        private int _count;

        public System.Threading.Channels.Channel<int> Arrived { get; } = System.Threading.Channels.Channel.CreateUnbounded<int>();

        public int Count => Volatile.Read(ref _count);

        public void Answer()
        {
            if (_held.Reader.TryRead(out var held))
            {
                held.SetResult();
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _held.Writer.TryWrite(held);
            Arrived.Writer.TryWrite(Interlocked.Increment(ref _count));
            await held.Task;
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }

    /// <summary>A fake clock whose timers fire <c>early</c> before their due time, like a real timer can.</summary>
    private sealed class EarlyTimers(TimeSpan early) : FakeTimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            base.CreateTimer(callback, state, dueTime > early ? dueTime - early : dueTime, period);
    }
}
