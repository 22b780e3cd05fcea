using Microsoft.Extensions.DependencyInjection;
using PetitionBot.Slack.Tests.Support;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Tests.WebApi;

public sealed class SlackApiClientTests
{
    [Fact]
    public async Task Calls_ReadsFormWritesJson_TokenOnlyInBearerHeader()
    {
        await using var h = await SlackAdapterHarness.StartAsync(startSocket: false);
        var api = h.Services.GetRequiredService<SlackWebApi>();
        var token = new SlackToken(SlackAdapterHarness.TeamId, SlackAdapterHarness.BotToken);

        var (info, admin) = await api.GetUserAdminAsync(token, "U0ADMIN");
        var posted = await api.PostMessageAsync(token, "C1", "hi", null);

        Assert.True(info.Ok);
        Assert.True(admin);
        Assert.True(posted.Ok);
        var read = h.Slack.CallsTo("users.info").Single();
        var write = h.Slack.CallsTo("chat.postMessage").Single();
        Assert.StartsWith("application/x-www-form-urlencoded", read.ContentType, StringComparison.Ordinal);
        Assert.StartsWith("application/json", write.ContentType, StringComparison.Ordinal);
        Assert.Equal(SlackAdapterHarness.BotToken, read.Token);
        Assert.DoesNotContain("xoxb", read.Body + write.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_OkFalse_ErrorMapped()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.FailNext("chat.postEphemeral", "msg_too_long"), startSocket: false);
        var api = h.Services.GetRequiredService<SlackWebApi>();

        var r = await api.PostEphemeralAsync(new SlackToken(SlackAdapterHarness.TeamId, SlackAdapterHarness.BotToken), "C1", "U1", "x", null);

        Assert.False(r.Ok);
        Assert.Equal("msg_too_long", r.Error);
        Assert.Equal(200, r.HttpStatus);
    }

    [Fact]
    public async Task Call_After429_SameMethodWaitsForRetryAfter()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.RateLimitNext("users.info", 1), startSocket: false);
        var api = h.Services.GetRequiredService<SlackWebApi>();
        var token = new SlackToken(SlackAdapterHarness.TeamId, SlackAdapterHarness.BotToken);

        var (first, _) = await api.GetUserAdminAsync(token, "U0ADMIN");
        var (second, _) = await api.GetUserAdminAsync(token, "U0ADMIN");

        Assert.True(first.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(1), first.RetryAfter);
        Assert.True(second.Ok);
        var calls = h.Slack.CallsTo("users.info");
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(900));
    }
}
