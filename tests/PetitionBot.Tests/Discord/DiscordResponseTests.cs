using System.Text.Json.Nodes;
using PetitionBot.Fakes.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;
using PetitionBot.Core.Ports;

namespace PetitionBot.Tests.Discord;

/// <summary>/respond through the fake Discord: the response is posted once to every announcement channel through the
/// outbox, pings nobody, and /petition shows it.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class DiscordResponseTests
{
    private const string Admin = "600000000000000401";

    private static string GuildId(int i) => $"50000000000000020{i}";

    private static string ChannelId(int i) => $"70000000000000020{i}";

    [Fact]
    public async Task Respond_TwoGuilds_EachChannelGetsTheResponseOnceAndPetitionShowsIt()
    {
        var defaults = LiveDiscordBot.DefaultFakeOptions;
        var fakeOptions = new FakeDiscordOptions
        {
            HeartbeatIntervalMs = defaults.HeartbeatIntervalMs,
            InteractionDeadline = defaults.InteractionDeadline,
            Guilds = [.. Enumerable.Range(1, 2).Select(i => new FakeGuild(GuildId(i), $"School {i}"))],
        };
        await using var bot = await LiveDiscordBot.StartAsync(fakeOptions, new Dictionary<string, string?>
        {
            ["Campaigns:0:Recipients:0"] = "American Medical Association (AMA)",
            ["Campaigns:0:Recipients:1"] = "Association of American Medical Colleges (AAMC)",
        });
        var servers = bot.Host.Services.GetRequiredService<Core.Ports.IServerStore>();
        await FakeDiscordServer.WaitUntilAsync(() => servers.FindAsync(new Core.Model.ServerRef(Core.Model.PlatformKind.Discord, GuildId(2)))
            .GetAwaiter().GetResult() is { Present: true }, "GUILD_CREATE to register the servers");
        foreach (var i in new[] { 1, 2 })
        {
            await bot.SetupChannelAsync(GuildId(i), Admin, ChannelId(i));
        }

        var options = new Dictionary<string, JsonNode?>
        {
            ["recipient"] = "AAMC",
            ["date"] = "2026-01-15",
            ["text"] = "We hear you @everyone and will raise this with our members.",
        };
        var recorded = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, GuildId(1), LiveDiscordBot.OrganizerId, "respond", options));
        Assert.StartsWith("Recorded the response of Association of American Medical Colleges (AAMC)", Text(recorded["data"]), StringComparison.Ordinal);
        var again = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, GuildId(1), LiveDiscordBot.OrganizerId, "respond", options));
        Assert.StartsWith("This response was already recorded", Text(again["data"]), StringComparison.Ordinal);

        await FakeDiscordServer.WaitUntilAsync(() => new[] { 1, 2 }.All(i => bot.Fake.MessagesPosted(ChannelId(i)) == 1), "one post per channel", DiscordFlow.Timeout);
        await bot.OutboxDrainedAsync();
        await Task.Delay(300);
        foreach (var i in new[] { 1, 2 })
        {
            Assert.Equal(1, bot.Fake.MessagesPosted(ChannelId(i)));
            var post = Assert.Single(bot.Fake.Requests, r => r.Method == "POST" && r.Path == $"channels/{ChannelId(i)}/messages");
            Assert.Empty(post.Json!["allowed_mentions"]!["parse"]!.AsArray());
            var text = Text(post.Json);
            Assert.Contains("Association of American Medical Colleges (AAMC) responded", text, StringComparison.Ordinal);
            Assert.Contains("January 15, 2026", text, StringComparison.Ordinal);
            Assert.Contains("will raise this with our members.", text, StringComparison.Ordinal);
        }

        var petition = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, GuildId(2), "600000000000000402", "petition"));
        Assert.Contains("Association of American Medical Colleges (AAMC), January 15, 2026: We hear you", Text(petition["data"]), StringComparison.Ordinal);
        AssertBodiesMatchOpenApi(bot.Fake);
    }
}
