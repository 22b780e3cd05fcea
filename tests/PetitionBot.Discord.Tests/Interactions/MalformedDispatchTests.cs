using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Interactions;
using PetitionBot.Discord.Tests.Support;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Discord.Tests.Interactions;

/// <summary>Gateway events whose data is not Discord's shape: skipped with one warning, and the next event still works.</summary>
public sealed class MalformedDispatchTests
{
    private const string Guild = "500000000000000001";
    private const string User = "600000000000001234";

    [Fact]
    public async Task InteractionCreate_WrongShape_SkippedWithWarningAndNextHandled()
    {
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000 });
        var bad = FakeDiscordInteractions.SlashCommand(h.Server, Guild, User, "status");
        bad["member"]!["roles"] = "not a list";
        var good = FakeDiscordInteractions.SlashCommand(h.Server, Guild, User, "status");

        await h.Server.SendInteractionAsync(bad);
        var id = await h.Server.SendInteractionAsync(good);

        await FakeDiscordServer.WaitUntilAsync(() => h.Server.CallbacksFor(id).Count > 0, "the callback of the good interaction");
        var input = Assert.IsType<CommandInput>(Assert.Single(h.Bot.Inputs));
        Assert.Equal("status", input.Command);
        Assert.Empty(h.Server.CallbacksFor(bad["id"]!.GetValue<string>()));
        var warning = Assert.Single(h.Logs.AtLeast(LogLevel.Warning), e => e.Message.Contains("INTERACTION_CREATE", StringComparison.Ordinal));
        Assert.Contains("$.d.member.roles", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(User, warning.Text, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
    }

    [Fact]
    public async Task GuildEvents_UnavailableAndMalformed_NeitherJoinedNorLeft()
    {
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000 });

        await h.Server.DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "1", ["unavailable"] = true });
        await h.Server.DispatchAsync("GUILD_DELETE", new JsonObject { ["id"] = "2", ["unavailable"] = true });
        await h.Server.DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = 3 });
        await h.Server.DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "4", ["name"] = "Four" });
        await h.Server.DispatchAsync("GUILD_DELETE", new JsonObject { ["id"] = "5" });

        // Workers may take events out of order: wait for the two valid ones, then give the others time to show up wrongly.
        await FakeDiscordServer.WaitUntilAsync(() => !h.Bot.Left.IsEmpty && !h.Bot.Joined.IsEmpty, "the guild join and removal");
        await Task.Delay(200);
        Assert.Equal(("4", "Four"), Assert.Single(h.Bot.Joined) is var (server, name) ? (server.ServerId, name) : default);
        Assert.Equal("5", Assert.Single(h.Bot.Left).ServerId);
        Assert.Contains(h.Logs.AtLeast(LogLevel.Warning), e => e.Message.Contains("GUILD_CREATE", StringComparison.Ordinal) && e.Message.Contains("$.d.id", StringComparison.Ordinal));
    }
}
