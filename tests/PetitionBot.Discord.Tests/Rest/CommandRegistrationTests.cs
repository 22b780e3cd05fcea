using System.Text.Json.Nodes;
using PetitionBot.Core.Interactions;
using PetitionBot.Discord.Tests.Support;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Discord.Tests.Rest;

/// <summary>Commands are registered at start by bulk overwrite, from the core's catalog.</summary>
public sealed class CommandRegistrationTests
{
    [Fact]
    public async Task Start_NoGuildIds_GlobalBulkOverwriteOfCatalog()
    {
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000 });

        var put = Assert.Single(h.Server.Requests, r => r.Method == "PUT");
        Assert.Equal($"applications/{h.Server.Options.ApplicationId}/commands", put.Path);
        var names = put.Json!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(CommandCatalog.All.Select(c => c.Name), names);
    }

    [Fact]
    public async Task Start_GuildIds_OnePutPerGuildWithOptionTypesAndPermissions()
    {
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000 },
            new Dictionary<string, string?> { ["Discord:GuildIds:0"] = "500000000000000001", ["Discord:GuildIds:1"] = "500000000000000002" });

        var puts = h.Server.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(
            [$"applications/{h.Server.Options.ApplicationId}/guilds/500000000000000001/commands", $"applications/{h.Server.Options.ApplicationId}/guilds/500000000000000002/commands"],
            puts.Select(p => p.Path));
        var commands = puts[0].Json!.AsArray();
        var setup = commands.Single(c => c!["name"]!.GetValue<string>() == "setup")!;
        Assert.Equal("32", setup["default_member_permissions"]!.GetValue<string>());
        var types = setup["options"]!.AsArray().ToDictionary(o => o!["name"]!.GetValue<string>(), o => o!["type"]!.GetValue<int>());
        Assert.Equal(7, types["channel"]);
        Assert.Equal(8, types["leader_role"]);
        Assert.Equal(5, types["strict"]);
        Assert.Equal(3, types["school"]);
        Assert.Equal(3, types["campaign"]);
        var sign = commands.Single(c => c!["name"]!.GetValue<string>() == "sign")!;
        Assert.Null(sign["default_member_permissions"]);
        Assert.All(commands, c => Assert.Equal(1, c!["type"]!.GetValue<int>()));
        Assert.All(commands, c => Assert.InRange(c!["description"]!.GetValue<string>().Length, 1, 100));
    }

    [Fact]
    public async Task Start_ExportCommand_FormatOptionWithCsvAndPdfChoices()
    {
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000 });

        var put = Assert.Single(h.Server.Requests, r => r.Method == "PUT");
        var export = put.Json!.AsArray().Single(c => c!["name"]!.GetValue<string>() == CommandCatalog.Export)!;
        var format = export["options"]!.AsArray().Single(o => o!["name"]!.GetValue<string>() == CommandCatalog.FormatOption)!;
        Assert.Equal(3, format["type"]!.GetValue<int>());
        Assert.Equal(["csv", "pdf"], format["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        Assert.Equal(["csv", "pdf"], format["choices"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }
}
