using PetitionBot.Core.Flows;
using PetitionBot.Core.Model;
using PetitionBot.Core.Schools;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The school upkeep every store keeps (<see cref="Core.Ports.ISchoolMaintenance"/>) and counting by school id;
/// runs on LiteDB and on PostgreSQL.</summary>
public abstract class SchoolMaintenanceContract : StoreContract
{
    protected const string UcsfName = "University of California, San Francisco School of Medicine";

    protected static readonly SchoolDirectory Directory = new([
        new School("ucsf", UcsfName, SchoolKind.MD, "CA", ["ucsf.edu"], ["UCSF"]),
        new School("vanderbilt", "Vanderbilt University School of Medicine", SchoolKind.MD, "TN", [], ["Vanderbilt"]),
    ]);

    protected static readonly ServerRef UcsfServer = new(PlatformKind.Discord, "9000");
    protected static readonly ServerRef HogwartsServer = new(PlatformKind.Discord, "9001");

    [Fact]
    public async Task AddAsync_UcsfTypedTwoWays_OneSchoolRowOneMilestoneAndIdsInTheExport()
    {
        await store.Servers.SaveAsync(new ServerSettings(UcsfServer) { AnnouncementChannelId = "500", School = UcsfName, SchoolId = "ucsf", UpdatedAt = TempStore.T0 });
        var step = new SignSchoolStep(Directory);
        var outcomes = new List<SignOutcome>();
        foreach (var (user, typed) in new[] { ("1", "UCSF"), ("2", UcsfName) })
        {
            // As the sign flow does: the typed text resolved against the directory, then saved with the school's id.
            var (settled, answers) = step.Resolve(new SignAnswers { School = typed });
            Assert.True(settled);
            var signature = TempStore.Signature(user, school: answers.School!, schoolId: answers.SchoolId!);
            outcomes.Add(await store.Signatures.AddAsync(signature, new MilestonePlan([], [2])));
        }

        var stats = await Stats();
        var row = Assert.Single(stats.BySchool);
        Assert.Equal(("ucsf", UcsfName, 2), (row.Key, row.Label, row.Count));
        Assert.Equal(2, stats.SchoolCount("ucsf", Verification.SelfAttested));
        var milestone = Assert.Single(outcomes.SelectMany(o => o.Announcements));
        Assert.Equal((AnnouncementKind.SchoolMilestone, 2, "ucsf"), (milestone.Kind, milestone.Milestone, milestone.SchoolKey));
        Assert.Equal(["500"], (await store.Outbox.ListForAnnouncementAsync(milestone.Id)).Select(d => d.Channel.ChannelId));
        Assert.Equal(["ucsf", "ucsf"], (await ListAsync()).Select(r => r.SchoolId));
        Assert.Equal("ucsf", (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"))!.SchoolId);
    }

    [Fact]
    public async Task AddAsync_NewSignatures_CountByIdAndOtherTextSeparately()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", school: UcsfName, schoolId: "ucsf"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", school: UcsfName, schoolId: "ucsf"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3", school: "Hogwarts"), MilestonePlan.None);
        // Signed a minute later: the "Other" label is the text typed first (with equal times either could be first).
        await store.Signatures.AddAsync(TempStore.Signature("4", school: "HOGWARTS ", at: TempStore.T0.AddMinutes(1)), MilestonePlan.None);

        var rows = (await Stats()).BySchool.ToDictionary(r => r.Key, r => r.Count);

        Assert.Equal(new Dictionary<string, int> { ["ucsf"] = 2, ["other:hogwarts"] = 2 }, rows);
        Assert.Equal("other", (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:3"))!.SchoolId);
        Assert.Equal([new CountBy("other:hogwarts", "Hogwarts", 2)], await store.Schools.ListOtherAsync());
    }

    [Fact]
    public async Task MigrateAsync_DatabaseWithoutSchoolIds_ResolvesTextsAndRebuildsTotals()
    {
        await SeedAsOldCodeDidAsync();
        Assert.Equal(3, (await Stats()).BySchool.Count);

        var migrated = await store.Schools.MigrateAsync(Directory);

        Assert.Equal(4, migrated);
        var stats = await Stats();
        var rows = stats.BySchool.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        Assert.Equal([("other:hogwarts", "Hogwarts", 1), ("ucsf", UcsfName, 3)], rows.Select(r => (r.Key, r.Label, r.Count)).ToList());
        Assert.Equal(3, stats.SchoolCount("ucsf", Verification.SelfAttested));
        Assert.Equal(4, stats.Total);
        var records = await ListAsync();
        Assert.Equal(["other", "ucsf", "ucsf", "ucsf"], records.Select(r => r.SchoolId).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(3, records.Count(r => r.School == UcsfName));
        var server = (await store.Servers.FindAsync(UcsfServer))!;
        Assert.Equal(("ucsf", UcsfName, "ucsf"), (server.SchoolId, server.School, server.SchoolKey));
        Assert.Equal(("other", "other:hogwarts"), ((await store.Servers.FindAsync(HogwartsServer))!.SchoolId, (await store.Servers.FindAsync(HogwartsServer))!.SchoolKey));
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_ChangesNothingAndSigningCountsOn()
    {
        await SeedAsOldCodeDidAsync();
        await store.Schools.MigrateAsync(Directory);
        var before = await Stats();

        var again = await store.Schools.MigrateAsync(Directory);

        Assert.Equal(0, again);
        Assert.Equal(before.BySchool.OrderBy(r => r.Key).ToList(), (await Stats()).BySchool.OrderBy(r => r.Key).ToList());
        Assert.Equal(before.Total, (await Stats()).Total);
        var next = await store.Signatures.AddAsync(TempStore.Signature("5", school: UcsfName, schoolId: "ucsf"), new MilestonePlan([], [4]));
        Assert.Equal(5, next.CampaignTotal);
        Assert.Equal((AnnouncementKind.SchoolMilestone, 4, "ucsf"), next.Announcements.Select(a => (a.Kind, a.Milestone!.Value, a.SchoolKey!)).Single());
        Assert.Equal(4, (await Stats()).BySchool.Single(r => r.Key == "ucsf").Count);
        Assert.Equal(["500"], (await store.Outbox.ListForAnnouncementAsync(next.Announcements[0].Id)).Select(d => d.Channel.ChannelId));
    }

    [Fact]
    public async Task MigrateAsync_DirectoryGainedTheSchool_OtherSignaturesMoveToIt()
    {
        await SeedAsOldCodeDidAsync();
        await store.Schools.MigrateAsync(Directory);
        var grown = new SchoolDirectory([.. Directory.All, new School("hogwarts", "Hogwarts School of Medicine", SchoolKind.DO, "UK", [], [])]);

        var moved = await store.Schools.MigrateAsync(grown);

        Assert.Equal(1, moved);
        var rows = (await Stats()).BySchool.ToDictionary(r => r.Key, r => r.Count);
        Assert.Equal(new Dictionary<string, int> { ["ucsf"] = 3, ["hogwarts"] = 1 }, rows);
        Assert.Equal("hogwarts", (await store.Servers.FindAsync(HogwartsServer))!.SchoolId);
        Assert.Empty(await store.Schools.ListOtherAsync());
        Assert.Equal(0, await store.Schools.MigrateAsync(grown));
    }

    [Fact]
    public async Task MapAsync_OtherText_MovesSignaturesServersAndTotalsAndAudits()
    {
        await SeedAsOldCodeDidAsync();
        await store.Schools.MigrateAsync(Directory);
        Assert.Equal([new CountBy("other:hogwarts", "Hogwarts", 1)], await store.Schools.ListOtherAsync());

        var moved = await store.Schools.MapAsync("  hogwarts ", Directory.Find("vanderbilt")!, "console:organizer", TempStore.T0);

        Assert.Equal(1, moved);
        var stats = await Stats();
        Assert.Equal(new Dictionary<string, int> { ["ucsf"] = 3, ["vanderbilt"] = 1 }, stats.BySchool.ToDictionary(r => r.Key, r => r.Count));
        Assert.Equal((1, 0), (stats.SchoolCount("vanderbilt", Verification.SelfAttested), stats.SchoolCount("other:hogwarts", Verification.SelfAttested)));
        Assert.Empty(await store.Schools.ListOtherAsync());
        Assert.Equal("vanderbilt", (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:4"))!.SchoolId);
        Assert.Equal(("vanderbilt", "vanderbilt"), ((await store.Servers.FindAsync(HogwartsServer))!.SchoolId, (await store.Servers.FindAsync(HogwartsServer))!.SchoolKey));
        var audit = Assert.Single(await store.Audit.RecentAsync(10));
        Assert.Equal(AuditActions.SchoolMap, audit.Action);
        Assert.Contains("vanderbilt", audit.Detail, StringComparison.Ordinal);
        Assert.NotEqual("console:organizer", audit.ActorKey);
    }

    [Fact]
    public async Task MapAsync_UnknownText_ChangesNothing()
    {
        await SeedAsOldCodeDidAsync();
        await store.Schools.MigrateAsync(Directory);
        var before = await Stats();

        Assert.Equal(0, await store.Schools.MapAsync("Durmstrang", Directory.Find("vanderbilt")!, "console:organizer", TempStore.T0));
        Assert.Equal(before.BySchool.OrderBy(r => r.Key).ToList(), (await Stats()).BySchool.OrderBy(r => r.Key).ToList());
        Assert.Empty(await store.Audit.RecentAsync(10));
    }

    /// <summary>Makes the stored signatures and servers look as the code before the school directory wrote them: no
    /// school id, the school key the folded text, one school counter per text (and per text and method).</summary>
    protected abstract Task ForgetSchoolIdsAsync();

    /// <summary>Four signatures (UCSF typed three ways, and Hogwarts) and two servers, as the code before the directory
    /// left them.</summary>
    protected async Task SeedAsOldCodeDidAsync()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", school: "UCSF"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", school: "ucsf"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3", school: "University of California San Francisco School of Medicine"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("4", school: "Hogwarts"), MilestonePlan.None);
        await store.RegisterServerAsync(UcsfServer.ServerId, "500", school: "UCSF");
        await store.RegisterServerAsync(HogwartsServer.ServerId, "501", school: "Hogwarts");
        await ForgetSchoolIdsAsync();
    }

    protected Task<CampaignStats> Stats() => store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);

    protected async Task<List<SignatureRecord>> ListAsync()
    {
        var list = new List<SignatureRecord>();
        await foreach (var r in store.Signatures.ListAsync(TempStore.CampaignId))
        {
            list.Add(r);
        }

        return list;
    }
}
