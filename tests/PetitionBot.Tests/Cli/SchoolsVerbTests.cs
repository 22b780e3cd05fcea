using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Storage.LiteDb;
using PetitionBot.Storage.LiteDb.Tests;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Cli;

/// <summary><c>petitionbot schools other|map</c>, the school settings at start, and check-config's directory line.</summary>
public sealed class SchoolsVerbTests : IDisposable
{
    private const string Typed = "Hogwarts School of Witchcraft";
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, string?> _store = [];

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SchoolsOtherThenMap_OtherText_ListsCountsAndMovesToTheSchool()
    {
        await SeedAsync(2);

        var (listed, listOut, _) = await RunAsync(["schools", "other"]);
        Assert.Equal(0, listed);
        Assert.Contains("2  " + Typed, listOut, StringComparison.Ordinal);

        var (mapped, mapOut, mapErr) = await RunAsync(["schools", "map", "hogwarts school of WITCHCRAFT", "vanderbilt"]);
        Assert.True(mapped == 0, mapErr);
        Assert.Contains("Moved 2 signatures", mapOut, StringComparison.Ordinal);

        using var after = Build();
        await after.StartAsync();
        var stats = await after.Services.GetRequiredService<ISignatureStore>().GetStatsAsync("test", DateTimeOffset.UtcNow);
        Assert.Equal(("vanderbilt", 2), (stats.BySchool.Single().Key, stats.BySchool.Single().Count));
        var audit = await after.Services.GetRequiredService<IAuditLog>().RecentAsync(5);
        Assert.Contains(audit, a => a.Action == AuditActions.SchoolMap);
        await after.StopAsync();
    }

    [Fact]
    public async Task SchoolsOtherThenMap_PostgresStore_ListsCountsAndMovesToTheSchool()
    {
        await UsePostgresAsync(async () =>
        {
            await SchoolsOtherThenMap_OtherText_ListsCountsAndMovesToTheSchool();
            var (_, listOut, _) = await RunAsync(["schools", "other"]);
            Assert.Contains("No signature has an \"Other\" school", listOut, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Start_PostgresStoreAndSchoolAddedToDirectory_OtherSignaturesMoveToIt()
    {
        await UsePostgresAsync(async () =>
        {
            await SeedAsync(2);
            _store["Schools:0:Id"] = "hogwarts";
            _store["Schools:0:Name"] = Typed;
            _store["Schools:0:Kind"] = "DO";

            using var host = Build();
            await host.StartAsync();

            var stats = await host.Services.GetRequiredService<ISignatureStore>().GetStatsAsync("test", DateTimeOffset.UtcNow);
            Assert.Equal(("hogwarts", 2), (stats.BySchool.Single().Key, stats.BySchool.Single().Count));
            Assert.Empty(await host.Services.GetRequiredService<ISchoolMaintenance>().ListOtherAsync());
            await host.StopAsync();
        });
    }

    [Theory]
    [InlineData("map", Typed, "not-a-school", "no school with the id")]
    [InlineData("map", "Durmstrang", "vanderbilt", "No signature has the \"Other\" school")]
    [InlineData("map", Typed, null, "Usage")]
    [InlineData("rename", null, null, "Usage")]
    public async Task SchoolsMap_BadInput_Exit2AndNothingChanges(string sub, string? typed, string? id, string fragment)
    {
        await SeedAsync(1);
        string[] args = ["schools", sub, .. new[] { typed, id }.Where(a => a is not null).Select(a => a!)];

        var (code, _, error) = await RunAsync(args);

        Assert.Equal(PetitionBotApp.ConfigError, code);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
        var (_, listOut, _) = await RunAsync(["schools", "other"]);
        Assert.Contains("1  " + Typed, listOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchoolsMap_DatabaseHeldByAnotherProcess_Exit3()
    {
        using var holder = new LiteDbContext(new StorageOptions { Path = Path.Combine(_dir.Path, "petitionbot.db") });

        var (code, _, error) = await RunAsync(["schools", "map", Typed, "vanderbilt"]);

        Assert.Equal(PetitionBotApp.StoreLocked, code);
        Assert.Contains("in use by another PetitionBot process", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadSchoolsFile_Exit2NamingKeyAndLine()
    {
        var file = Path.Combine(_dir.Path, "schools.csv");
        await File.WriteAllTextAsync(file, "id,name,kind,state,email_domains,aliases\nabc,Some School,MD,CA,,\nxyz,Other School,PhD,CA,,\n");

        var (code, _, error) = await RunAsync(["totals"], new() { ["Schools:File"] = file });

        Assert.Equal(PetitionBotApp.ConfigError, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Schools:File", line, StringComparison.Ordinal);
        Assert.Contains("line 3", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_ShippedPlusEntries_ReportsDirectorySize()
    {
        var (code, output, error) = await RunAsync(["check-config"], new()
        {
            ["Schools:0:Id"] = "sgu",
            ["Schools:0:Name"] = "St. George's University School of Medicine",
            ["Schools:0:Kind"] = "MD",
            ["Schools:1:Id"] = "ucsf",
            ["Schools:1:EmailDomains:0"] = "ucsf.edu",
        });

        Assert.True(code == 0, error);
        Assert.Matches(@"School directory: \d{3} schools \(\d+ MD, \d+ DO\) from the shipped list and 2 Schools entries", output);
    }

    [Fact]
    public async Task CheckConfig_BadSchoolsEntry_ReportsTheKey()
    {
        var (code, _, error) = await RunAsync(["check-config"], new() { ["Schools:0:Id"] = "x y", ["Schools:0:Name"] = "X", ["Schools:0:Kind"] = "MD" });

        Assert.Equal(PetitionBotApp.ConfigError, code);
        Assert.Contains("Configuration error: Schools:0: the id \"x y\"", error, StringComparison.Ordinal);
    }

    private async Task SeedAsync(int signers)
    {
        using var host = Build();
        await host.StartAsync();
        var bot = host.Services.GetRequiredService<IPetitionBot>();
        for (var i = 0; i < signers; i++)
        {
            var actor = new Actor(PlatformKind.Discord, "g", $"{700 + i}", [], false, $"discord:{700 + i}");
            var start = await bot.HandleAsync(CommandInput.Create(actor, "c", CommandCatalog.Sign));
            var how = await bot.HandleAsync(ChoiceInput.Button(actor, "c", start.Choices[0].Token));
            var form = await bot.HandleAsync(ChoiceInput.Button(actor, "c", how.Choices[0].Token));
            var next = await bot.HandleAsync(new FormInput(actor, "c", form.Form!.Token,
                new Dictionary<string, string> { ["name"] = "Signer Name", ["school"] = Typed, ["stage"] = "MS1" }));
            while (!next.Text.StartsWith("Signed", StringComparison.Ordinal) && next.Choices.Count > 0)
            {
                // An unknown school: keep what was typed ("Other"), then sign from the preview.
                var pick = next.Choices.FirstOrDefault(c => c.Label.StartsWith("Other", StringComparison.Ordinal))
                    ?? next.Choices.First(c => c.Label.StartsWith("Sign", StringComparison.Ordinal));
                next = await bot.HandleAsync(ChoiceInput.Button(actor, "c", pick.Token));
            }

            Assert.StartsWith("Signed", next.Text);
        }

        await host.StopAsync();
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string[] args, Dictionary<string, string?>? extra = null)
    {
        var output = new CapturedOutput();
        var error = new CapturedOutput();
        var code = await PetitionBotApp.RunAsync(args, TextReader.Null, output, error, Settings(extra));
        return (code, output.Text, error.Text);
    }

    /// <summary>Runs <paramref name="test"/> with <c>Storage:Provider=Postgres</c> on a fresh database of the test server.</summary>
    private async Task UsePostgresAsync(Func<Task> test)
    {
        var connection = await TestPostgres.CreateDatabaseAsync();
        try
        {
            _store["Storage:Provider"] = "Postgres";
            _store["Storage:ConnectionString"] = connection;
            _store["Storage:KeyPath"] = Path.Combine(_dir.Path, "petitionbot.db.key");
            await test();
            Assert.False(File.Exists(Path.Combine(_dir.Path, "petitionbot.db")), "the signatures went to PostgreSQL, not to a LiteDB file");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connection);
        }
    }

    private Dictionary<string, string?> Settings(Dictionary<string, string?>? extra = null)
    {
        var merged = new Dictionary<string, string?>(_store);
        foreach (var (key, value) in extra ?? [])
        {
            merged[key] = value;
        }

        return TestConfig.For(_dir.Path, merged);
    }

    private IHost Build() =>
        PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, [])
        {
            Overrides = Settings(),
            ConfigureServices = s => s.AddSingleton<IChatPlatform>(new FakeChatPlatform()),
        });
}
