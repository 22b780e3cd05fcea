using PetitionBot.Fakes.Discord;
using PetitionBot.Hosting;
using PetitionBot.Storage.LiteDb.Tests;
using PetitionBot.Tests.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;
using PetitionBot.Core.Ports;

namespace PetitionBot.Tests.Storage;

/// <summary>PostgreSQL restarted under a running bot (its own server, so other tests are not disturbed): signers in the
/// outage are told to try again, nothing half-saved, and the bot recovers by itself once the server is back.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class PostgresRestartTests : IAsyncLifetime
{
    private readonly string _envFile = Path.Combine(Path.GetTempPath(), $"petitionbot-restart-{Guid.NewGuid():N}.env");
    private string _connection = "";

    public async Task InitializeAsync() => _connection = await TestPostgres.StartPrivateServerAsync(_envFile);

    public Task DisposeAsync() => TestPostgres.StopPrivateServerAsync(_envFile);

    [Fact]
    public async Task Sign_PostgresRestartedMidBurst_OutageSignersToldToTryAgainAndBotRecoversWithoutRestart()
    {
        await using var bot = await LiveDiscordBot.StartAsync(extra: TestPostgres.BotSettings(_connection));
        for (var i = 0; i < 3; i++)
        {
            await SignAsync(bot.Fake, $"60000000000003000{i}", $"Before Number{i}");
        }

        var restart = TestPostgres.RestartPrivateServerAsync(_envFile, TimeSpan.FromSeconds(4));
        await Task.Delay(1500);
        var during = await InteractAsync(bot.Fake, FakeDiscordInteractions.SlashCommand(bot.Fake, Guild, "600000000000030099", "sign"));
        Assert.Contains("try again", Text(during["data"]), StringComparison.OrdinalIgnoreCase);
        await restart;

        // Back without restarting the bot: the pool replaces its broken connections (a signer may need one more try).
        var after = 0;
        for (var i = 0; i < 3; i++)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                try
                {
                    var trace = await SignAsync(bot.Fake, $"60000000000003100{i}", $"After Number{i}");
                    if (Text(trace.Done["data"]).Contains("Signed — you are one of", StringComparison.Ordinal))
                    {
                        after++;
                        break;
                    }
                }
                catch (InvalidOperationException)
                {
                    // The first step answered "try again" instead of the form: try again, as the signer would.
                }
            }
        }

        Assert.Equal(3, after);
        Assert.Equal(6, (await bot.Signatures.GetStatsAsync("test", DateTimeOffset.UtcNow)).Total);
        Assert.Null(await bot.Signatures.FindAsync("test", "discord:600000000000030099"));
    }

    [Fact]
    public async Task Start_PostgresDownWhileStarting_BotStartsAndSchoolMigrationRunsOnceItIsBack()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var storage = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = _connection, SecretKey = key };
        await using (var db = new PetitionBot.Storage.Postgres.PostgresDatabase(storage))
        {
            // Signed while the directory did not know the school: "Other".
            var signatures = new PetitionBot.Storage.Postgres.PostgresSignatureStore(db);
            await signatures.AddAsync(new Core.Storage.NewSignature("test", "discord:1", new Core.Storage.SignerAnswers(Core.Model.PlatformKind.Discord, "9", "Ana", "Hogwarts School of Witchcraft",
                "MS1", "Medical student", Core.Storage.Verification.SelfAttested, DateTimeOffset.UtcNow)), Core.Storage.MilestonePlan.None);
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        using var dir = new Support.TempDirectory();
        var restart = TestPostgres.RestartPrivateServerAsync(_envFile, TimeSpan.FromSeconds(5));
        await Task.Delay(1500);
        using var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, [])
        {
            Overrides = Support.TestConfig.For(dir.Path, new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = _connection,
                ["Storage:SecretKey"] = key,
                ["Schools:0:Id"] = "hogwarts",
                ["Schools:0:Name"] = "Hogwarts School of Witchcraft",
                ["Schools:0:Kind"] = "DO",
            }),
            ConfigureServices = s => s.AddSingleton<Core.Ports.IChatPlatform>(new Support.FakeChatPlatform()),
        });

        await host.StartAsync(); // the database is down: the school migration is left to retry in the background
        await restart;

        var store = host.Services.GetRequiredService<Core.Ports.ISignatureStore>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(45);
        string? schoolKey = null;
        while (DateTimeOffset.UtcNow < deadline && schoolKey != "hogwarts")
        {
            await Task.Delay(500);
            try
            {
                schoolKey = (await store.GetStatsAsync("test", DateTimeOffset.UtcNow)).BySchool.SingleOrDefault()?.Key;
            }
            catch (Npgsql.NpgsqlException)
            {
                // The pool may hand out a connection broken by the restart once.
            }
        }

        Assert.Equal("hogwarts", schoolKey);
        Assert.Equal("hogwarts", (await store.FindAsync("test", "discord:1"))?.SchoolId);
        await host.StopAsync();
    }
}
