using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Npgsql;
using PetitionBot.Fakes.Discord;
using PetitionBot.Storage.LiteDb.Tests;
using PetitionBot.Storage.Postgres;
using PetitionBot.Tests.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Storage;

/// <summary>Issue 17, a store's bad day: <c>Storage:ConnectionString</c> with a tiny <c>Maximum Pool Size</c> (3, and a
/// 1 s wait for a free connection), a burst of sign flows ten times bigger, and the whole pool held by someone else for
/// 2.5 s in the middle of it. Every person gets an answer — the next step, "Signed", or "try again in a moment" — nothing
/// is half-stored (the totals match the rows, everyone told "Signed" is stored), and once the pool is free again the
/// same bot signs everyone who was told to try again, without a restart.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class PostgresPoolTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int PoolSize = 3;
    private const int Signers = 30;
    private const int LateSigners = 10;
    private const string TryAgain = "try again in a m"; // the core: "in a minute"; the adapter: "in a moment"
    private string _connection = "";

    private static string SignerId(int i) => $"6000000000004{i:D5}";

    public async Task InitializeAsync() => _connection = await TestPostgres.CreateDatabaseAsync();

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_connection);

    [Fact]
    public async Task Sign_BurstBiggerThanATinyPoolWhileThePoolIsHeld_EveryoneAnsweredNothingHalfStoredAndRecovers()
    {
        var connection = new NpgsqlConnectionStringBuilder(_connection) { MaxPoolSize = PoolSize, Timeout = 1 }.ConnectionString;
        await using var bot = await LiveDiscordBot.StartAsync(extra: TestPostgres.BotSettings(connection));
        await SignAsync(bot.Fake, "600000000000039999", "Before Number");
        var db = bot.Host.Services.GetRequiredService<PostgresDatabase>();

        var outcomes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Task Burst(IEnumerable<int> signers, int staggerMs) =>
            Parallel.ForEachAsync(signers, new ParallelOptions { MaxDegreeOfParallelism = Signers }, async (i, _) =>
            {
                await Task.Delay(i * staggerMs);
                outcomes[SignerId(i)] = await SignOrTryAgainAsync(bot.Fake, SignerId(i), $"Burst Number{i}");
            });

        // Staggered, so the hold below finds people at every step of the flow.
        var early = Burst(Enumerable.Range(0, Signers - LateSigners), 40);

        // Mid-burst, someone else takes every connection of the bot's pool: for 2.5 s, and on until the hold has met
        // someone. Taking the connections can itself take a while (the burst holds them too), and a busy bot may queue
        // the next steps past a fixed hold, so a fixed 2.5 s alone met nobody in about one run in four.
        await Task.Delay(600);
        var held = new List<NpgsqlConnection>();
        for (var i = 0; i < PoolSize; i++)
        {
            held.Add(await OpenWhenFreeAsync(db));
        }

        // People who arrive while the pool is held: their first step needs the store, and no connection is free for
        // longer than the pool's 1 s wait. What a person must see then: a clear "try again in a moment" (inline or after
        // a deferral), never silence and never a half-stored signature.
        var late = Burst(Enumerable.Range(Signers - LateSigners, LateSigners), 0);
        await Task.WhenAll(
            Task.Delay(2500),
            FakeDiscordServer.WaitUntilAsync(() => outcomes.Values.Any(v => v != "signed"), "someone told to try again while the pool is held", TimeSpan.FromSeconds(30)));
        foreach (var conn in held)
        {
            await conn.DisposeAsync();
        }

        await Task.WhenAll(early, late); // every step of every flow was answered (an unanswered one throws a TimeoutException)
        var toldSigned = outcomes.Where(o => o.Value == "signed").Select(o => o.Key).ToList();
        var toldTryAgain = outcomes.Where(o => o.Value != "signed").ToList();
        output.WriteLine($"burst: {toldSigned.Count} told \"Signed\", {toldTryAgain.Count} told to try again ({string.Join(", ", toldTryAgain.Select(o => o.Value).Distinct())})");
        Assert.NotEmpty(toldTryAgain); // the hold met the burst: the rest of the test is about what it did


        // Nothing half-stored: everyone told "Signed" is stored, and the totals are the rows.
        foreach (var signer in toldSigned)
        {
            Assert.NotNull(await bot.Signatures.FindAsync("test", "discord:" + signer));
        }

        await AssertTotalsMatchRowsAsync(bot);

        // Recovered without a restart: everyone told to try again does, and ends signed exactly once.
        await Parallel.ForEachAsync(toldTryAgain, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (o, _) =>
        {
            var again = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, o.Key, "sign"));
            if (Text(again["data"]).Contains("You already signed this petition", StringComparison.Ordinal))
            {
                return; // their last click was stored although its answer was "try again"; the bot now says so
            }

            Assert.Equal("signed", await SignOrTryAgainAsync(bot.Fake, o.Key, $"Retry {o.Key}"));
        });

        Assert.Equal(Signers + 1, (await bot.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
        await AssertTotalsMatchRowsAsync(bot);
    }

    /// <summary>One sign flow, stopping at the first "try again in a moment"; returns "signed" or the step that said so.
    /// Any other answer fails the test (a person must get the next step, "Signed", or a clear try again).</summary>
    private static async Task<string> SignOrTryAgainAsync(FakeDiscordServer fake, string user, string name)
    {
        var steps = new List<(string Step, Func<JsonNode?, JsonObject> Next)>
        {
            ("/sign", _ => FakeDiscordInteractions.SlashCommand(fake, Guild, user, "sign")),
            ("role", prev => FakeDiscordInteractions.Button(fake, Guild, user, ButtonId(prev!, "r0"))),
            ("named", prev => FakeDiscordInteractions.Button(fake, Guild, user, ButtonId(prev!, "named"))),
            ("form", prev => FakeDiscordInteractions.ModalSubmit(fake, Guild, user, prev!["data"]!["custom_id"]!.GetValue<string>(),
                new Dictionary<string, string> { ["name"] = name, ["school"] = "UC Davis", ["stage"] = "MS3" })),
        };
        JsonNode? reply = null;
        foreach (var (step, next) in steps)
        {
            reply = await AnsweredAsync(fake, next(reply));
            if (Text(reply["data"]).Contains(TryAgain, StringComparison.OrdinalIgnoreCase))
            {
                return step;
            }

            if (step == "named" && reply["type"]!.GetValue<int>() != 9)
            {
                // Answered after a deferral (the pool was slow), so the form could not open at once: the message carries a
                // button that opens it, as a person would press.
                var open = Buttons(reply["data"]).Select(b => b["custom_id"]?.GetValue<string>()).OfType<string>()
                    .FirstOrDefault(id => id.StartsWith("~form:", StringComparison.Ordinal))
                    ?? throw new InvalidOperationException("Expected the form or a button opening it, got " + reply.ToJsonString());
                reply = await AnsweredAsync(fake, FakeDiscordInteractions.Button(fake, Guild, user, open));
                Assert.Equal(9, reply["type"]!.GetValue<int>());
            }
        }

        if (HasButton(reply!, "sother"))
        {
            reply = await AnsweredAsync(fake, FakeDiscordInteractions.Button(fake, Guild, user, ButtonId(reply!, "sother")));
            if (Text(reply["data"]).Contains(TryAgain, StringComparison.OrdinalIgnoreCase))
            {
                return "school";
            }
        }

        var done = await AnsweredAsync(fake, FakeDiscordInteractions.Button(fake, Guild, user, ButtonId(reply!, "sign")));
        var text = Text(done["data"]);
        if (text.Contains(TryAgain, StringComparison.OrdinalIgnoreCase))
        {
            return "sign";
        }

        Assert.Contains("Signed — you are one of", text, StringComparison.Ordinal);
        return "signed";
    }

    /// <summary>The answer a person sees: the callback, or after a deferral the webhook edit, as {"type": 4, "data": message}.</summary>
    private static async Task<JsonNode> AnsweredAsync(FakeDiscordServer fake, JsonObject interaction)
    {
        var callback = await InteractAsync(fake, interaction);
        if (callback["type"]!.GetValue<int>() is not (5 or 6))
        {
            return callback;
        }

        FakeRestRequest? edit = null;
        await FakeDiscordServer.WaitUntilAsync(() => (edit = WebhookRequests(fake, interaction).FirstOrDefault(r => r.Json is not null)) is not null,
            "the deferred answer", DiscordFlow.Timeout);
        return new JsonObject { ["type"] = 4, ["data"] = edit!.Json!.DeepClone() };
    }

    private static async Task<NpgsqlConnection> OpenWhenFreeAsync(PostgresDatabase db)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await db.DataSource.OpenConnectionAsync();
            }
            catch (NpgsqlException) when (attempt < 20)
            {
                // The burst holds it right now; the pool's 1 s wait ran out. Take the next free one.
            }
        }
    }

    private static async Task AssertTotalsMatchRowsAsync(LiveDiscordBot bot)
    {
        var rows = new List<Core.Storage.SignatureRecord>();
        await foreach (var s in bot.Signatures.ListAsync("test"))
        {
            rows.Add(s);
        }

        Assert.Equal(rows.Count, (await bot.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
        Assert.Equal(rows.Count, rows.Select(r => r.FullName).Distinct(StringComparer.Ordinal).Count());
    }
}
