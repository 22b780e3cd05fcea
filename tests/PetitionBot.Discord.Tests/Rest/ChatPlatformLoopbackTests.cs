using System.Diagnostics;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Discord.Tests.Support;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Discord.Tests.Rest;

/// <summary>Announcements through <see cref="IChatPlatform"/> against the fake Discord REST API.</summary>
public sealed class ChatPlatformLoopbackTests
{
    private const string Guild = "500000000000000001";

    private static ChannelRef Channel(string id) => new(PlatformKind.Discord, Guild, id);

    private static OutboundMessage Message(string key) =>
        new(key, "Milestone: 500 signatures", "Signer @everyone <@&1> joined", new Progress(500, 1000));

    private static Task<DiscordHarness> StartAsync(FakeDiscordOptions? options = null) =>
        DiscordHarness.StartAsync(options ?? new FakeDiscordOptions { HeartbeatIntervalMs = 60_000 });

    [Fact]
    public async Task PostAsync_Announcement_SendsNonceEnforceNonceNoMentionsAndProgressEmbed()
    {
        await using var h = await StartAsync();

        var outcome = await h.Platform.PostAsync(Channel("700000000000000001"), Message("ann1-ch1"));

        Assert.Equal(PostStatus.Delivered, outcome.Status);
        Assert.Equal(PlatformKind.Discord, h.Platform.Platform);
        var request = Assert.Single(h.Server.Requests, r => r.Path == "channels/700000000000000001/messages");
        var body = request.Json!;
        Assert.Equal("ann1-ch1", body["nonce"]!.GetValue<string>());
        Assert.True(body["enforce_nonce"]!.GetValue<bool>());
        Assert.Empty(body["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Contains("▓", body["embeds"]![0]!["fields"]![0]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Bot " + h.Server.Options.Token, request.Authorization);
        Assert.StartsWith("DiscordBot (", request.UserAgent, StringComparison.Ordinal);
        OpenApiSchemas.AssertValid(OpenApiSchemas.MessageCreate, body);
    }

    [Fact]
    public async Task PostAsync_SameDedupKeyTwice_PostedOnce()
    {
        await using var h = await StartAsync();

        await h.Platform.PostAsync(Channel("700000000000000002"), Message("ann2-ch2"));
        var second = await h.Platform.PostAsync(Channel("700000000000000002"), Message("ann2-ch2"));

        Assert.Equal(PostStatus.Delivered, second.Status);
        Assert.Equal(1, h.Server.MessagesPosted("700000000000000002"));
    }

    [Fact]
    public async Task PostAsync_ForbiddenAndMissingChannels_MappedToForbiddenAndGone()
    {
        await using var h = await StartAsync();
        h.Server.ForbidChannel("700000000000000003");
        h.Server.RemoveChannel("700000000000000004");

        var forbidden = await h.Platform.PostAsync(Channel("700000000000000003"), Message("a"));
        var gone = await h.Platform.PostAsync(Channel("700000000000000004"), Message("b"));

        Assert.Equal(new PostOutcome(PostStatus.Forbidden, null, "50013"), forbidden);
        Assert.Equal(new PostOutcome(PostStatus.ChannelGone, null, "10003"), gone);
    }

    [Theory]
    [InlineData(500, PostStatus.Transient)]
    [InlineData(401, PostStatus.Unauthorized)]
    [InlineData(400, PostStatus.Rejected)]
    [InlineData(403, PostStatus.Forbidden)]
    [InlineData(404, PostStatus.ChannelGone)]
    public async Task PostAsync_HttpError_MappedToOutcome(int status, PostStatus expected)
    {
        await using var h = await StartAsync();
        h.Server.InjectFault(new FakeRestFault("POST", "channels/", status));

        var outcome = await h.Platform.PostAsync(Channel("700000000000000005"), Message("c"));

        Assert.Equal(expected, outcome.Status);
    }

    [Fact]
    public async Task PostAsync_429WithRetryAfter_RateLimitedThenNextPostWaits()
    {
        await using var h = await StartAsync();
        h.Server.InjectRateLimit("POST", "channels/700000000000000006", TimeSpan.FromSeconds(0.6));

        var limited = await h.Platform.PostAsync(Channel("700000000000000006"), Message("d"));
        var watch = Stopwatch.StartNew();
        var next = await h.Platform.PostAsync(Channel("700000000000000006"), Message("d"));

        Assert.Equal(PostStatus.RateLimited, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(0.6), limited.RetryAfter);
        Assert.Equal(PostStatus.Delivered, next.Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(450), $"second post after {watch.Elapsed}");
    }

    [Fact]
    public async Task PostAsync_FanOutPastChannelLimit_PacedWithoutAny429()
    {
        await using var h = await StartAsync(new FakeDiscordOptions
        {
            HeartbeatIntervalMs = 60_000,
            ChannelMessageLimit = 3,
            ChannelMessageWindow = TimeSpan.FromMilliseconds(500),
        });
        var channels = Enumerable.Range(10, 8).Select(i => $"7000000000000000{i}").ToList();
        var watch = Stopwatch.StartNew();

        var outcomes = await Task.WhenAll(channels.SelectMany(c => Enumerable.Range(0, 5).Select(i => h.Platform.PostAsync(Channel(c), Message($"m{i}-{c[^2..]}")))));

        Assert.All(outcomes, o => Assert.Equal(PostStatus.Delivered, o.Status));
        Assert.Equal(0, h.Server.RateLimitViolations);
        Assert.All(channels, c => Assert.Equal(5, h.Server.MessagesPosted(c)));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(450), $"5 posts at 3 per 500 ms took {watch.Elapsed}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"fan-out took {watch.Elapsed}");
    }
}
