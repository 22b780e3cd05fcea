using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Slack.Tests.Support;

namespace PetitionBot.Slack.Tests;

public sealed class ChatPlatformTests
{
    private static readonly OutboundMessage Milestone = new("m100:c1", "100 signatures!", "Thanks <!channel> — sign with /sign", new Progress(100, 1000));

    private static ChannelRef Channel(string id, string team = SlackAdapterHarness.TeamId) => new(PlatformKind.Slack, team, id);

    [Fact]
    public async Task PostAsync_Success_DeliveredEscapedWithProgressBlock()
    {
        await using var h = await SlackAdapterHarness.StartAsync(startSocket: false);
        var platform = h.Services.GetRequiredService<IChatPlatform>();

        var outcome = await platform.PostAsync(Channel("C0ANN"), Milestone);

        Assert.Equal(PostStatus.Delivered, outcome.Status);
        Assert.Equal(PlatformKind.Slack, platform.Platform);
        Assert.Equal(1, h.Slack.MessagesPosted(SlackAdapterHarness.TeamId, "C0ANN"));
        var message = h.Slack.Messages.Single();
        Assert.DoesNotContain("<!channel>", message.AllText, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", message.Text, StringComparison.Ordinal);
        var context = message.Blocks!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "context");
        Assert.Contains(new Progress(100, 1000).Bar, context!["elements"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("channel_not_found", PostStatus.ChannelGone)]
    [InlineData("is_archived", PostStatus.ChannelGone)]
    [InlineData("not_in_channel", PostStatus.Forbidden)]
    [InlineData("restricted_action", PostStatus.Forbidden)]
    [InlineData("missing_scope", PostStatus.Forbidden)]
    [InlineData("invalid_auth", PostStatus.Unauthorized)]
    [InlineData("token_revoked", PostStatus.Unauthorized)]
    [InlineData("account_inactive", PostStatus.Unauthorized)]
    [InlineData("internal_error", PostStatus.Transient)]
    [InlineData("invalid_blocks", PostStatus.Rejected)]
    public async Task PostAsync_SlackError_MappedToOutcome(string error, PostStatus expected)
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.FailNext("chat.postMessage", error), startSocket: false);
        var platform = h.Services.GetRequiredService<IChatPlatform>();

        var outcome = await platform.PostAsync(Channel("C0ANN"), Milestone);

        Assert.Equal(expected, outcome.Status);
        Assert.Equal(error, outcome.Detail);
    }

    [Fact]
    public async Task PostAsync_Http429_RateLimitedWithRetryAfter()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.RateLimitNext("chat.postMessage", 7), startSocket: false);
        var platform = h.Services.GetRequiredService<IChatPlatform>();

        var outcome = await platform.PostAsync(Channel("C0ANN"), Milestone);

        Assert.Equal(PostStatus.RateLimited, outcome.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), outcome.RetryAfter);
    }

    [Fact]
    public async Task PostAsync_TokenRevokedForTeam_Unauthorized()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.Team(SlackAdapterHarness.TeamId).TokenRevoked = true, startSocket: false);

        var outcome = await h.Services.GetRequiredService<IChatPlatform>().PostAsync(Channel("C0ANN"), Milestone);

        Assert.Equal(PostStatus.Unauthorized, outcome.Status);
    }

    [Fact]
    public async Task PostAsync_ServerDown_Transient()
    {
        await using var h = await SlackAdapterHarness.StartAsync(startSocket: false, settings: new() { ["Slack:ApiBaseUrl"] = "http://127.0.0.1:1/api/" });

        var outcome = await h.Services.GetRequiredService<IChatPlatform>().PostAsync(Channel("C0ANN"), Milestone);

        Assert.Equal(PostStatus.Transient, outcome.Status);
    }

    [Fact]
    public async Task PostAsync_TwoWorkspaces_EachWithItsToken()
    {
        await using var h = await SlackAdapterHarness.StartAsync(slack => slack.AddTeam("T0SCHOOL2", "xoxb-T0SCHOOL2-own"), startSocket: false);
        await h.Store.SaveAsync(new Installation(new ServerRef(PlatformKind.Slack, "T0SCHOOL2"), "xoxb-T0SCHOOL2-own", null, null, DateTimeOffset.UtcNow));
        var platform = h.Services.GetRequiredService<IChatPlatform>();

        await platform.PostAsync(Channel("C0ANN"), Milestone);
        await platform.PostAsync(Channel("C0ANN2", "T0SCHOOL2"), Milestone);

        Assert.Equal(1, h.Slack.MessagesPosted(SlackAdapterHarness.TeamId, "C0ANN"));
        Assert.Equal(1, h.Slack.MessagesPosted("T0SCHOOL2", "C0ANN2"));
        Assert.Equal(["xoxb-T0SCHOOL1-fake", "xoxb-T0SCHOOL2-own"], h.Slack.CallsTo("chat.postMessage").Select(c => c.Token!).Order());
    }

    [Fact]
    public async Task PostAsync_FanOutTwoPerChannel_PacedPerChannelInParallel()
    {
        await using var h = await SlackAdapterHarness.StartAsync(startSocket: false);
        var platform = h.Services.GetRequiredService<IChatPlatform>();
        var channels = Enumerable.Range(1, 8).Select(i => $"C{i:D3}").ToArray();
        var watch = Stopwatch.StartNew();

        var outcomes = await Task.WhenAll(channels.Concat(channels).Select(c => platform.PostAsync(Channel(c), Milestone)));
        watch.Stop();

        Assert.All(outcomes, o => Assert.Equal(PostStatus.Delivered, o.Status));
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(15));
        foreach (var channel in channels)
        {
            var times = h.Slack.CallsTo("chat.postMessage").Where(c => c.Param("channel") == channel).Select(c => c.At).Order().ToArray();
            Assert.Equal(2, times.Length);
            // The client spaces a channel's posts ~1 s apart; the fake timestamps arrival, which jitters on a loaded machine.
            Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(650), $"{channel}: {times[1] - times[0]}");
        }
    }
}
