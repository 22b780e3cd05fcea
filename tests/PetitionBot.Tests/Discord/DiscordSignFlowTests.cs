using System.Text;
using PetitionBot.Fakes.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Discord;

/// <summary>The sign flow through real interactions: the real host (core + LiteDB + Discord adapter) against the fake
/// Discord's gateway and REST API.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class DiscordSignFlowTests
{
    private const string Ana = "600000000000000101";
    private const string Ben = "600000000000000102";

    [Fact]
    public async Task Sign_NamedThroughRealInteractions_CallbacksAndStoreHoldTheName()
    {
        await using var bot = await LiveDiscordBot.StartAsync();

        var trace = await SignAsync(bot.Fake, Ana, "Ana Lopez", school: "UC Davis", stage: "ms3", named: true);

        // /sign: an ephemeral embed with the campaign and one button per eligible role plus "None of these".
        Assert.Equal(4, trace.Start["type"]!.GetValue<int>());
        Assert.Equal(64, trace.Start["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("Test petition", Text(trace.Start["data"]), StringComparison.Ordinal);
        Assert.Equal(["Medical student", "Resident physician", "None of these"],
            Buttons(trace.Start["data"]).Select(b => b["label"]!.GetValue<string>()));
        // The role button asks named or counted only first (updating the prompt) …
        Assert.Equal(7, trace.Naming["type"]!.GetValue<int>());
        Assert.Equal(["Sign with my name", "Count me, withhold my name", "Cancel"],
            Buttons(trace.Naming["data"]).Select(b => b["label"]!.GetValue<string>()));
        // … and that choice opens the form as a modal with Label components.
        Assert.Equal(9, trace.Form["type"]!.GetValue<int>());
        Assert.Equal(["name", "school", "stage"],
            trace.Form["data"]!["components"]!.AsArray().Select(l => l!["component"]!["custom_id"]!.GetValue<string>()));
        // The modal submit shows a preview with the way to sign.
        Assert.Equal(4, trace.Preview["type"]!.GetValue<int>());
        Assert.Equal(64, trace.Preview["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("Name: Ana Lopez", Text(trace.Preview["data"]), StringComparison.Ordinal);
        Assert.Contains("Training stage: MS3", Text(trace.Preview["data"]), StringComparison.Ordinal);
        // The confirm button updates the message: signed, with progress.
        Assert.Equal(7, trace.Done["type"]!.GetValue<int>());
        Assert.StartsWith("Signed — you are the first to sign, toward the 100 goal.", trace.Done["data"]!["embeds"]![0]!["description"]!.GetValue<string>(),
            StringComparison.Ordinal);
        Assert.Empty(Buttons(trace.Done["data"]));
        Assert.All(trace.All.Where(c => c["type"]!.GetValue<int>() != 9), c => Assert.Empty(c["data"]!["allowed_mentions"]!["parse"]!.AsArray()));

        var stored = await bot.Signatures.FindAsync("test", "discord:" + Ana);
        Assert.NotNull(stored);
        Assert.Equal("Ana Lopez", stored.FullName);
        // The school as the directory names it (what was typed, "UC Davis", resolved).
        Assert.Equal(bot.Host.Services.GetRequiredService<Core.Ports.ISchoolDirectory>().Resolve("UC Davis").School?.Name ?? "UC Davis", stored.School);
        Assert.Equal("MS3", stored.Stage);
        Assert.Equal("Medical student", stored.Role);
        Assert.Equal(Core.Model.PlatformKind.Discord, stored.Platform);
        Assert.Equal(Guild, stored.ServerId);
        Assert.DoesNotContain(bot.Fake.Requests, r => r.Status >= 400);
        AssertBodiesMatchOpenApi(bot.Fake);
    }

    [Fact]
    public async Task Sign_CountedOnly_StoresSchoolAndStageButNoName()
    {
        var secretName = "Zephyrine Quillfeather";
        string directory;
        await using (var bot = await LiveDiscordBot.StartAsync())
        {
            directory = bot.Directory;
            var trace = await SignAsync(bot.Fake, Ben, secretName, school: "State Med", stage: "PGY1", named: false, role: "r1");

            Assert.Equal(7, trace.Done["type"]!.GetValue<int>());
            var done = Text(trace.Done["data"]);
            Assert.Contains("Signed — you are the first to sign", done, StringComparison.Ordinal);
            Assert.Equal(["school", "stage"],
                trace.Form["data"]!["components"]!.AsArray().Select(l => l!["component"]!["custom_id"]!.GetValue<string>()));
            Assert.Contains("Your name was not stored.", done, StringComparison.Ordinal);
            Assert.DoesNotContain(secretName, done, StringComparison.Ordinal);

            var stored = await bot.Signatures.FindAsync("test", "discord:" + Ben);
            Assert.NotNull(stored);
            Assert.Null(stored.FullName);
            Assert.False(stored.IsNamed);
            Assert.Equal("State Med", stored.School);
            Assert.Equal("PGY1", stored.Stage);
            var stats = await bot.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow);
            Assert.Equal(1, stats.Total);
            Assert.Equal(0, stats.Named);

            // Nothing on disk (database, its log, the draft that carried the name) holds the name in clear.
            await bot.Host.StopAsync();
            foreach (var file in System.IO.Directory.GetFiles(directory).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
            {
                var bytes = await File.ReadAllBytesAsync(file);
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(secretName)), $"{Path.GetFileName(file)} holds the counted-only name");
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(Ben)), $"{Path.GetFileName(file)} holds the Discord user id in clear");
            }
        }
    }

    [Fact]
    public async Task Sign_NoneOfThese_StoresNothingAndReplyLinksThePublicPetition()
    {
        await using var bot = await LiveDiscordBot.StartAsync();
        var start = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, Ana, "sign"));

        var none = await InteractAsync(bot.Fake, FakeDiscordInteractions.Button(bot.Fake, Guild, Ana, ButtonId(start, "none")));

        Assert.Equal(7, none["type"]!.GetValue<int>());
        var text = Text(none["data"]);
        Assert.Contains("nothing was saved", text, StringComparison.Ordinal);
        Assert.Contains("https://example.org/public", text, StringComparison.Ordinal);
        var link = Assert.Single(Buttons(none["data"]));
        Assert.Equal(5, link["style"]!.GetValue<int>());
        Assert.Equal("https://example.org/public", link["url"]!.GetValue<string>());
        Assert.Empty(none["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Null(await bot.Signatures.FindAsync("test", "discord:" + Ana));
        Assert.Equal(0, (await bot.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);

        // No draft was ever written before the form (issue 16 §5): a role button of the same prompt pressed later just
        // asks the next question again (not a form), and still nothing is stored.
        var late = await InteractAsync(bot.Fake, FakeDiscordInteractions.Button(bot.Fake, Guild, Ana, ButtonId(start, "r0")));
        Assert.NotEqual(9, late["type"]!.GetValue<int>());
        Assert.Contains("How do you want to sign?", late["data"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(await bot.Signatures.FindAsync("test", "discord:" + Ana));
        AssertBodiesMatchOpenApi(bot.Fake);
    }

    [Fact]
    public async Task Sign_AlreadySigned_SaysWhenAndPointsToUnsign()
    {
        await using var bot = await LiveDiscordBot.StartAsync();
        await SignAsync(bot.Fake, Ana, "Ana Lopez");

        var again = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, Ana, "sign"));

        Assert.Equal(4, again["type"]!.GetValue<int>());
        Assert.Equal(64, again["data"]!["flags"]!.GetValue<int>());
        var text = Text(again["data"]);
        Assert.Contains("You already signed this petition on", text, StringComparison.Ordinal);
        Assert.Contains("with your name", text, StringComparison.Ordinal);
        Assert.Contains("/unsign", text, StringComparison.Ordinal);
        Assert.Empty(Buttons(again["data"]));
        Assert.Equal(1, (await bot.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
    }

    [Fact]
    public async Task Interaction_DeliveredTwice_OneCallbackAndCountedOnce()
    {
        await using var bot = await LiveDiscordBot.StartAsync();
        var fake = bot.Fake;
        var slash = FakeDiscordInteractions.SlashCommand(fake, Guild, Ana, "sign");
        var start = await InteractAsync(fake, slash, times: 2);
        var role = await InteractAsync(fake, FakeDiscordInteractions.Button(fake, Guild, Ana, ButtonId(start, "r0")), times: 2);
        var form = await InteractAsync(fake, FakeDiscordInteractions.Button(fake, Guild, Ana, ButtonId(role, "named")), times: 2);
        var preview = await InteractAsync(fake, FakeDiscordInteractions.ModalSubmit(fake, Guild, Ana, form["data"]!["custom_id"]!.GetValue<string>(),
            new Dictionary<string, string> { ["name"] = "Ana Lopez", ["school"] = "UC Davis", ["stage"] = "MS2" }), times: 2);
        var confirm = FakeDiscordInteractions.Button(fake, Guild, Ana, ButtonId(preview, "sign"));

        var done = await InteractAsync(fake, confirm, times: 2);

        Assert.Contains("Signed — you are the first to sign", Text(done["data"]), StringComparison.Ordinal);
        // A later interaction of the same user, answered, means the duplicates before it were taken off the queue too.
        var barrier = await InteractAsync(fake, FakeDiscordInteractions.SlashCommand(fake, Guild, Ana, "petition"));
        Assert.Contains("1 signature so far", Text(barrier["data"]), StringComparison.Ordinal);
        await FakeDiscordServer.WaitUntilAsync(() => fake.Requests.Count(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal)) >= 6, "callbacks");
        await Task.Delay(200); // a duplicate wrongly handled would answer within this time (the fake answers 40060 to a second callback)

        foreach (var id in new[] { slash["id"], confirm["id"] }.Select(i => i!.GetValue<string>()))
        {
            Assert.Single(fake.CallbacksFor(id));
        }

        Assert.Equal(6, fake.Requests.Count(r => r.Path.StartsWith("interactions/", StringComparison.Ordinal)));
        Assert.DoesNotContain(fake.Requests, r => r.Status >= 400);
        var stats = await bot.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow);
        Assert.Equal(1, stats.Total);
        Assert.Equal(1, stats.Named);
        AssertBodiesMatchOpenApi(bot.Fake);
    }

    [Fact]
    public async Task Sign_WithSchoolOption_FormOpensWithTheSchoolFilledIn()
    {
        await using var bot = await LiveDiscordBot.StartAsync();
        var start = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, Ana, "sign",
            new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["school"] = "Escuela Latinoamericana de Medicina" }));
        var naming = await InteractAsync(bot.Fake, FakeDiscordInteractions.Button(bot.Fake, Guild, Ana, ButtonId(start, "r0")));

        var form = await InteractAsync(bot.Fake, FakeDiscordInteractions.Button(bot.Fake, Guild, Ana, ButtonId(naming, "counted")));

        var school = form["data"]!["components"]!.AsArray().Select(l => l!["component"]!).Single(c => c["custom_id"]!.GetValue<string>() == "school");
        Assert.Equal("Escuela Latinoamericana de Medicina", school["value"]!.GetValue<string>());
        AssertBodiesMatchOpenApi(bot.Fake);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

[CollectionDefinition(Name)]
public sealed class DiscordHostCollection
{
    /// <summary>The Discord host tests run one at a time: they share two cores with other builds, and the fake
    /// Discord's interaction deadline is real time.</summary>
    public const string Name = "Discord host";
}
