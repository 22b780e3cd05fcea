using System.Text.Json.Nodes;
using PetitionBot.Fakes.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;
using PetitionBot.Core.Ports;

namespace PetitionBot.Tests.Discord;

/// <summary>/setup in several guilds, then milestone announcements through the outbox and the Discord REST API of the
/// fake: one post per channel, with nonce + enforce_nonce, rate limits waited out, and nobody pinged.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class DiscordAnnouncementTests
{
    private const string Admin = "600000000000000301";

    private static string GuildId(int i) => $"50000000000000010{i}";

    private static string ChannelId(int i) => $"70000000000000010{i}";

    private static IEnumerable<FakeRestRequest> PostsTo(FakeDiscordServer fake, string channelId) =>
        fake.Requests.Where(r => r.Method == "POST" && r.Path == $"channels/{channelId}/messages");

    [Fact]
    public async Task Setup_ThreeGuildsThenMilestone_EachChannelGetsExactlyOnePost()
    {
        var options = LiveDiscordBot.DefaultFakeOptions;
        var fakeOptions = new FakeDiscordOptions
        {
            HeartbeatIntervalMs = options.HeartbeatIntervalMs,
            InteractionDeadline = options.InteractionDeadline,
            Guilds = [.. Enumerable.Range(1, 4).Select(i => new FakeGuild(GuildId(i), $"School {i}"))],
        };
        await using var bot = await LiveDiscordBot.StartAsync(fakeOptions);
        var servers = bot.Host.Services.GetRequiredService<Core.Ports.IServerStore>();
        await FakeDiscordServer.WaitUntilAsync(() => servers.FindAsync(new Core.Model.ServerRef(Core.Model.PlatformKind.Discord, GuildId(4)))
            .GetAwaiter().GetResult() is { Present: true }, "GUILD_CREATE to register the servers");

        foreach (var i in new[] { 1, 2, 3 })
        {
            var saved = await bot.SetupChannelAsync(GuildId(i), Admin, ChannelId(i));
            Assert.Equal(4, saved["type"]!.GetValue<int>());
            Assert.StartsWith("Saved.", Text(saved["data"]), StringComparison.Ordinal);
            Assert.Contains($"Announcement channel: <#{ChannelId(i)}>", Text(saved["data"]), StringComparison.Ordinal);
        }

        // A member without Manage Server cannot change the settings of guild 4.
        var refused = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, GuildId(4), Admin, "setup",
            new Dictionary<string, JsonNode?> { ["channel"] = ChannelId(4) }));
        Assert.Equal("Only server admins can use this command here.", Text(refused["data"]));

        await SignAsync(bot.Fake, "600000000000000311", "Ana Lopez", guildId: GuildId(1));
        Assert.Equal(0, bot.Fake.MessagesPosted(ChannelId(1)));
        await SignAsync(bot.Fake, "600000000000000312", "Ben Ortiz", guildId: GuildId(2), named: false);

        await FakeDiscordServer.WaitUntilAsync(() => new[] { 1, 2, 3 }.All(i => bot.Fake.MessagesPosted(ChannelId(i)) == 1), "one post per channel",
            DiscordFlow.Timeout);
        await bot.OutboxDrainedAsync();
        await Task.Delay(300); // a second post would come from the next outbox polls (every 50 ms)

        foreach (var i in new[] { 1, 2, 3 })
        {
            Assert.Equal(1, bot.Fake.MessagesPosted(ChannelId(i)));
            var post = Assert.Single(PostsTo(bot.Fake, ChannelId(i)));
            Assert.Equal(200, post.Status);
            var json = post.Json!;
            Assert.False(string.IsNullOrEmpty(json["nonce"]?.GetValue<string>()));
            Assert.True(json["nonce"]!.GetValue<string>().Length <= 25);
            Assert.True(json["enforce_nonce"]!.GetValue<bool>());
            Assert.Empty(json["allowed_mentions"]!["parse"]!.AsArray());
            var text = Text(json);
            Assert.Contains("The petition passed 2 signatures!", text, StringComparison.Ordinal);
            Assert.Contains("passed 2 signatures and now has 2, 2% of the 100 goal", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Ana Lopez", text, StringComparison.Ordinal);
        }

        Assert.Equal(0, bot.Fake.MessagesPosted(ChannelId(4)));
        Assert.Empty(PostsTo(bot.Fake, ChannelId(4)));
        Assert.Equal(0, bot.Fake.RateLimitViolations);
        AssertBodiesMatchOpenApi(bot.Fake);
    }

    [Fact]
    public async Task Announcement_429WithRetryAfter_WaitedOutAndPostedOnce()
    {
        await using var bot = await LiveDiscordBot.StartAsync();
        await bot.SetupChannelAsync(Guild, Admin, ChannelId(1));
        bot.Fake.InjectRateLimit("POST", $"channels/{ChannelId(1)}/messages", TimeSpan.FromSeconds(1));

        await SignAsync(bot.Fake, "600000000000000321", "Ana Lopez");
        await SignAsync(bot.Fake, "600000000000000322", "Ben Ortiz");

        await FakeDiscordServer.WaitUntilAsync(() => bot.Fake.MessagesPosted(ChannelId(1)) == 1, "the post after the rate limit", DiscordFlow.Timeout);
        await bot.OutboxDrainedAsync();
        await Task.Delay(300);
        var posts = PostsTo(bot.Fake, ChannelId(1)).ToList();
        Assert.Equal([429, 200], posts.Select(p => p.Status));
        Assert.True(posts[1].ReceivedAt - posts[0].ReceivedAt >= TimeSpan.FromMilliseconds(900),
            $"the retry came {(posts[1].ReceivedAt - posts[0].ReceivedAt).TotalMilliseconds} ms after the 429 with Retry-After: 1");
        Assert.Equal(posts[0].Json!["nonce"]!.GetValue<string>(), posts[1].Json!["nonce"]!.GetValue<string>());
        Assert.Equal(1, bot.Fake.MessagesPosted(ChannelId(1)));
    }

    [Fact]
    public async Task Mentions_SignerNamedEveryoneAndRole_NothingTheBotSendsCanPing()
    {
        const string hostile = "@everyone <@&1>";
        await using var bot = await LiveDiscordBot.StartAsync();
        await bot.SetupChannelAsync(Guild, Admin, ChannelId(1));

        var trace = await SignAsync(bot.Fake, "600000000000000331", hostile, school: "School <@&1> @here");
        await SignAsync(bot.Fake, "600000000000000332", "Ben Ortiz");
        await DeferredAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, LiveDiscordBot.OrganizerId, "export"), followups: 1);
        await FakeDiscordServer.WaitUntilAsync(() => bot.Fake.MessagesPosted(ChannelId(1)) == 1, "the milestone post", DiscordFlow.Timeout);

        Assert.Equal(hostile, (await bot.Signatures.FindAsync("test", "discord:600000000000000331"))!.FullName);
        Assert.Contains(hostile, Text(trace.Preview["data"]), StringComparison.Ordinal); // echoed to the signer, privately…
        var bodies = MessageBodies(bot.Fake).ToList();
        Assert.Contains(bodies, b => b.Request.Path.StartsWith("channels/", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Request.IsMultipart);
        Assert.All(bodies, b =>
        {
            // …and no body lets Discord turn text into a ping: parse nothing, no user or role allow-lists, no reply ping.
            var mentions = b.Message["allowed_mentions"] as JsonObject;
            Assert.True(mentions is not null, $"{b.Request.Method} {b.Request.Path} has no allowed_mentions");
            Assert.Empty(mentions["parse"]!.AsArray());
            Assert.True(mentions["users"] is null || mentions["users"]!.AsArray().Count == 0);
            Assert.True(mentions["roles"] is null || mentions["roles"]!.AsArray().Count == 0);
            Assert.NotEqual(true, mentions["replied_user"]?.GetValue<bool>());
        });
        Assert.All(trace.All.Where(c => c["type"]!.GetValue<int>() != 9), c => Assert.NotNull(c["data"]!["allowed_mentions"]));
        Assert.DoesNotContain(hostile, Text(trace.Done["data"]), StringComparison.Ordinal);
        var announcement = Text(Assert.Single(PostsTo(bot.Fake, ChannelId(1))).Json);
        Assert.DoesNotContain("@everyone", announcement, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", announcement, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", announcement, StringComparison.Ordinal);
        AssertBodiesMatchOpenApi(bot.Fake);
    }
}
