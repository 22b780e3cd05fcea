using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Hosting;
using PetitionBot.Storage.LiteDb;
using PetitionBot.Storage.LiteDb.Tests;
using PetitionBot.Storage.Postgres;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Storage;

/// <summary><c>petitionbot migrate --to postgres</c> from a real LiteDB file into a real, empty PostgreSQL database.</summary>
public sealed class MigrateVerbTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private string _connection = "";

    private Dictionary<string, string?> Settings => TestConfig.For(_dir.Path, new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = _connection,
        ["Storage:KeyPath"] = Path.Combine(_dir.Path, "petitionbot.db.key"),
    });

    private StorageOptions Options => new()
    {
        Path = Settings["Storage:Path"]!,
        KeyPath = Settings["Storage:KeyPath"],
        ConnectionString = _connection,
        Provider = StorageProvider.Postgres,
    };

    public async Task InitializeAsync() => _connection = await TestPostgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        await TestPostgres.DropDatabaseAsync(_connection);
        _dir.Dispose();
    }

    [Fact]
    public async Task Migrate_FilledLiteDbFile_CopiesEverythingAndPostgresAnswersTheSame()
    {
        await FillLiteDbAsync();
        var output = new CapturedOutput();
        var error = new CapturedOutput();

        var code = await PetitionBotApp.RunAsync(["migrate", "--to", "postgres"], TextReader.Null, output, error, Settings);

        Assert.True(code == 0, error.Text + output.Text);
        Assert.Contains("every count and checksum matches", output.Text, StringComparison.Ordinal);
        Assert.Contains("signatures", output.Text, StringComparison.Ordinal);
        await using var pg = new PostgresDatabase(Options);
        var signatures = new PostgresSignatureStore(pg);
        Assert.Equal("Ana Lopez", (await signatures.FindAsync("c1", "discord:1"))?.FullName);
        Assert.Null(await signatures.FindAsync("c1", "discord:3"));
        var stats = await signatures.GetStatsAsync("c1", T0);
        Assert.Equal((3, 2, 3), (stats.Total, stats.Named, stats.Last24Hours));
        Assert.Equal(2, stats.BySchool.Single(s => s.Key == "other:ucsf").Count);
        Assert.False((await signatures.AddAsync(Signature("c1", "1", "Again"), MilestonePlan.None)).Added);
        var next = await signatures.AddAsync(Signature("c1", "9", null), new MilestonePlan([2, 4], []));
        Assert.Equal((true, 4), (next.Added, next.CampaignTotal));
        Assert.Equal([4], next.Announcements.Select(a => a.Milestone));
        Assert.Equal("Ana", (await new PostgresDraftStore(pg).FindAsync("draft1", "discord:1"))?.Values["name"]);
        Assert.Equal("xoxb-secret", (await new PostgresInstallationStore(pg).FindAsync(new ServerRef(PlatformKind.Slack, "T1")))?.AccessToken);
        var outbox = new PostgresOutboxStore(pg);
        Assert.Equal(4 + 2, await outbox.PendingCountAsync()); // 4 copied (milestone 2, two school milestones, update) + milestone 4 to both servers
        await new PostgresAuditLog(pg).AppendAsync(new AuditEntry(AuditActions.Export, null, "discord:1", "after", T0));
        Assert.Equal(["after", "second", "first"], (await new PostgresAuditLog(pg).RecentAsync(10)).Select(e => e.Detail));
        Assert.Equal(2, (await new PostgresServerStore(pg).ListAsync()).Count);
    }

    [Fact]
    public async Task Migrate_SchoolIds_CarriedForSignaturesAndServersAndSchoolMilestonesFindTheServer()
    {
        await FillLiteDbAsync();

        var code = await PetitionBotApp.RunAsync(["migrate", "--to", "postgres"], TextReader.Null, new CapturedOutput(), new CapturedOutput(), Settings);

        Assert.Equal(0, code);
        await using var pg = new PostgresDatabase(Options);
        var signatures = new PostgresSignatureStore(pg);
        Assert.Equal("ucsf", (await signatures.FindAsync("c3", "discord:5"))?.SchoolId);
        Assert.Equal("other", (await signatures.FindAsync("c1", "discord:1"))?.SchoolId);
        var server = await new PostgresServerStore(pg).FindAsync(new ServerRef(PlatformKind.Discord, "10"));
        Assert.Equal(("ucsf", UcsfName, "ucsf"), (server?.SchoolId, server?.School, server?.SchoolKey));
        var next = await signatures.AddAsync(Signature("c3", "6", "Cy", UcsfName, schoolId: "ucsf"), new MilestonePlan([], [2]));
        var milestone = Assert.Single(next.Announcements);
        Assert.Equal(["100"], (await new PostgresOutboxStore(pg).ListForAnnouncementAsync(milestone.Id)).Select(d => d.Channel.ChannelId));
        Assert.Equal(("ucsf", 2), (await signatures.GetStatsAsync("c3", T0)).BySchool.Select(r => (r.Key, r.Count)).Single());
        // Every copied signature and server has its school id: the start-up migration finds nothing without one.
        Assert.Equal(0, await new PostgresSchoolMaintenance(pg).MigrateAsync(new Core.Schools.SchoolDirectory([])));
    }

    [Fact]
    public async Task Migrate_DatabaseNotEmpty_RefusesAndCopiesNothing()
    {
        await FillLiteDbAsync();
        Assert.Equal(0, await PetitionBotApp.RunAsync(["migrate", "--to", "postgres"], TextReader.Null, new CapturedOutput(), new CapturedOutput(), Settings));
        var error = new CapturedOutput();

        var code = await PetitionBotApp.RunAsync(["migrate", "--to", "postgres"], TextReader.Null, new CapturedOutput(), error, Settings);

        Assert.Equal(1, code);
        Assert.Contains("only into an empty database", error.Text, StringComparison.Ordinal);
        await using var pg = new PostgresDatabase(Options);
        Assert.Equal(3, (await new PostgresSignatureStore(pg).GetStatsAsync("c1", T0)).Total);
    }

    [Fact]
    public async Task Migrate_BotHoldsTheFile_RefusesWithExitThree()
    {
        await FillLiteDbAsync();
        using var held = new LiteDbContext(Options);
        var error = new CapturedOutput();

        var code = await PetitionBotApp.RunAsync(["migrate", "--to", "postgres"], TextReader.Null, new CapturedOutput(), error, Settings);

        Assert.Equal(PetitionBotApp.StoreLocked, code);
        Assert.Contains("is the bot running?", error.Text, StringComparison.Ordinal);
        await using var pg = new PostgresDatabase(Options);
        Assert.Equal(0, await new PostgresImport(pg).ExistingRowsAsync());
    }

    [Fact]
    public async Task Migrate_WithoutTo_ExitsTwo()
    {
        var error = new CapturedOutput();
        Assert.Equal(PetitionBotApp.ConfigError, await PetitionBotApp.RunAsync(["migrate"], TextReader.Null, new CapturedOutput(), error, Settings));
        Assert.Contains("--to postgres", error.Text, StringComparison.Ordinal);
    }

    private const string UcsfName = "University of California, San Francisco School of Medicine";

    private static NewSignature Signature(string campaign, string user, string? name, string school = "UCSF", DateTimeOffset? at = null,
        string schoolId = Core.Schools.School.OtherId) =>
        new(campaign, "discord:" + user, new SignerAnswers(PlatformKind.Discord, "9", name, school, "MS1", "Medical student", Verification.SelfAttested, at ?? T0, schoolId));

    private async Task FillLiteDbAsync()
    {
        using var lite = new LiteDbContext(Options);
        var servers = new LiteDbServerStore(lite);
        await servers.SaveAsync(new ServerSettings(new ServerRef(PlatformKind.Discord, "9")) { AnnouncementChannelId = "99", School = "UCSF", UpdatedAt = T0 });
        var signatures = new LiteDbSignatureStore(lite);
        var plan = new MilestonePlan([2], [1]);
        await signatures.AddAsync(Signature("c1", "1", "Ana Lopez"), plan);
        await signatures.AddAsync(Signature("c1", "2", null, at: T0.AddHours(-2)), plan);
        await signatures.AddAsync(Signature("c1", "3", "Gone"), plan);
        await signatures.RemoveAsync("c1", "discord:3");
        await signatures.AddAsync(Signature("c1", "4", "Bo", school: "Harvard", at: T0.AddMinutes(-5)), plan);
        await signatures.AddAsync(Signature("c2", "1", "Ana Lopez", at: T0.AddDays(-3)), MilestonePlan.None);
        await servers.SaveAsync(new ServerSettings(new ServerRef(PlatformKind.Discord, "10")) { AnnouncementChannelId = "100", School = UcsfName, SchoolId = "ucsf", UpdatedAt = T0 });
        await signatures.AddAsync(Signature("c3", "5", "Di", UcsfName, schoolId: "ucsf"), new MilestonePlan([], [1]));
        await new LiteDbDraftStore(lite).SaveAsync(new FlowDraft("draft1", "sign", "discord:1", "c1", "form", new Dictionary<string, string> { ["name"] = "Ana" }, T0.AddHours(1)));
        await new LiteDbInstallationStore(lite).SaveAsync(new Installation(new ServerRef(PlatformKind.Slack, "T1"), "xoxb-secret", "U1", "Team", T0));
        var audit = new LiteDbAuditLog(lite);
        await audit.AppendAsync(new AuditEntry(AuditActions.Setup, new ServerRef(PlatformKind.Discord, "9"), "discord:1", "first", T0));
        await audit.AppendAsync(new AuditEntry(AuditActions.Export, null, "discord:1", "second", T0));
        await new LiteDbOutboxStore(lite).EnqueueAsync(new Announcement("u1", "c1", AnnouncementKind.ChapterUpdate, null, null, "T", "X", T0), [new ChannelRef(PlatformKind.Slack, "T1", "C1")]);
    }
}
