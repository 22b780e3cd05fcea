using PetitionBot.Core.Schools;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;

namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbSchoolMaintenanceTests : IDisposable
{
    private static readonly SchoolDirectory Directory = new([
        new School("ucsf", "University of California, San Francisco School of Medicine", SchoolKind.MD, "CA", ["ucsf.edu"], ["UCSF"]),
        new School("vanderbilt", "Vanderbilt University School of Medicine", SchoolKind.MD, "TN", [], ["Vanderbilt"]),
    ]);

    private readonly TempStore store = new();
    private readonly LiteDbSchoolMaintenance maintenance;

    public LiteDbSchoolMaintenanceTests() => maintenance = new LiteDbSchoolMaintenance(store.Context);

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task MigrateAsync_DatabaseWithoutSchoolIds_ResolvesTextsAndRebuildsTotals()
    {
        await SeedAsOldCodeDidAsync();
        Assert.Equal(3, (await Stats()).BySchool.Count);

        var migrated = await maintenance.MigrateAsync(Directory);

        Assert.Equal(4, migrated);
        var rows = (await Stats()).BySchool.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("other:hogwarts", "Hogwarts", 1), ("ucsf", "University of California, San Francisco School of Medicine", 3)],
            rows.Select(r => (r.Key, r.Label, r.Count)).ToList());
        var records = await ListAsync();
        Assert.Equal(["other", "ucsf", "ucsf", "ucsf"], records.Select(r => r.SchoolId).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("ucsf", (await store.Servers.FindAsync(new Core.Model.WorkspaceRef(Core.Model.PlatformKind.Discord, "9000")))!.SchoolId);
    }

    [Fact]
    public async Task MigrateAsync_FileFromBeforeCountsByMethod_CountsThemOverallAndPerSchool()
    {
        await SeedAsOldCodeDidAsync();
        store.Context.Write(() =>
        {
            foreach (var campaign in store.Context.CampaignCounters.FindAll().ToList())
            {
                campaign.ByVerification = [];
                store.Context.CampaignCounters.Update(campaign);
            }

            store.Context.Counters.DeleteMany(c => c.Group.EndsWith("|" + Aggregates.SchoolVerification));
            store.Context.AggregateCache.Clear();
            return 0;
        });
        Assert.Equal(0, (await Stats()).Count(Verification.SelfAttested));

        await maintenance.MigrateAsync(Directory);

        var stats = await Stats();
        Assert.Equal(4, stats.Count(Verification.SelfAttested));
        Assert.Equal(3, stats.SchoolCount("ucsf", Verification.SelfAttested));
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_ChangesNothing()
    {
        await SeedAsOldCodeDidAsync();
        await maintenance.MigrateAsync(Directory);
        var before = await Stats();

        var again = await maintenance.MigrateAsync(Directory);

        Assert.Equal(0, again);
        Assert.Equal(before.BySchool.OrderBy(r => r.Key).ToList(), (await Stats()).BySchool.OrderBy(r => r.Key).ToList());
        Assert.Equal(before.Total, (await Stats()).Total);
    }

    [Fact]
    public async Task MigrateAsync_DirectoryGainedTheSchool_OtherSignaturesMoveToIt()
    {
        await SeedAsOldCodeDidAsync();
        await maintenance.MigrateAsync(Directory);
        var grown = new SchoolDirectory([.. Directory.All, new School("hogwarts", "Hogwarts School of Medicine", SchoolKind.DO, "UK", [], [])]);

        var moved = await maintenance.MigrateAsync(grown);

        Assert.Equal(1, moved);
        var rows = (await Stats()).BySchool.ToDictionary(r => r.Key, r => r.Count);
        Assert.Equal(new Dictionary<string, int> { ["ucsf"] = 3, ["hogwarts"] = 1 }, rows);
        Assert.Equal(0, await maintenance.MigrateAsync(grown));
    }

    [Fact]
    public async Task AddAsync_NewSignatures_CountByIdAndOtherTextSeparately()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", school: "University of California, San Francisco School of Medicine") with { SchoolId = "ucsf" }, MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", school: "University of California, San Francisco School of Medicine") with { SchoolId = "ucsf" }, MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3", school: "Hogwarts"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("4", school: "HOGWARTS "), MilestonePlan.None);

        var rows = (await Stats()).BySchool.ToDictionary(r => r.Key, r => r.Count);

        Assert.Equal(new Dictionary<string, int> { ["ucsf"] = 2, ["other:hogwarts"] = 2 }, rows);
        Assert.Equal("ucsf", (await store.Signatures.FindAsync(TempStore.CampaignId, "discord:1"))!.SchoolId);
    }

    [Fact]
    public async Task MapAsync_OtherText_MovesSignaturesAndTotalsAndAudits()
    {
        await SeedAsOldCodeDidAsync();
        await maintenance.MigrateAsync(Directory);
        Assert.Equal([new CountBy("other:hogwarts", "Hogwarts", 1)], await maintenance.ListOtherAsync());

        var moved = await maintenance.MapAsync("  hogwarts ", Directory.Find("vanderbilt")!, "console:organizer", TempStore.T0);

        Assert.Equal(1, moved);
        var rows = (await Stats()).BySchool.ToDictionary(r => r.Key, r => r.Count);
        Assert.Equal(new Dictionary<string, int> { ["ucsf"] = 3, ["vanderbilt"] = 1 }, rows);
        Assert.Empty(await maintenance.ListOtherAsync());
        var audit = Assert.Single(await store.Audit.RecentAsync(10));
        Assert.Equal(AuditActions.SchoolMap, audit.Action);
        Assert.Contains("vanderbilt", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapAsync_UnknownText_ChangesNothing()
    {
        await SeedAsOldCodeDidAsync();
        await maintenance.MigrateAsync(Directory);
        var before = await Stats();

        Assert.Equal(0, await maintenance.MapAsync("Durmstrang", Directory.Find("vanderbilt")!, "console:organizer", TempStore.T0));
        Assert.Equal(before.BySchool.OrderBy(r => r.Key).ToList(), (await Stats()).BySchool.OrderBy(r => r.Key).ToList());
        Assert.Empty(await store.Audit.RecentAsync(10));
    }

    /// <summary>Signatures and a server as the code before the school directory wrote them: no school id, the school
    /// key the folded text, one school counter per text.</summary>
    private async Task SeedAsOldCodeDidAsync()
    {
        await store.Signatures.AddAsync(TempStore.Signature("1", school: "UCSF"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("2", school: "ucsf"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("3", school: "University of California San Francisco School of Medicine"), MilestonePlan.None);
        await store.Signatures.AddAsync(TempStore.Signature("4", school: "Hogwarts"), MilestonePlan.None);
        await store.RegisterServerAsync("9000", "500", school: "UCSF");
        store.Context.Write(() =>
        {
            foreach (var doc in store.Context.Signatures.FindAll().ToList())
            {
                doc.SchoolId = "";
                doc.SchoolKey = InputRules.SchoolKey(doc.School);
                store.Context.Signatures.Update(doc);
            }

            Aggregates.RebuildSchools(store.Context);
            return 0;
        });
    }

    private Task<CampaignStats> Stats() => store.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0);

    private async Task<List<SignatureRecord>> ListAsync()
    {
        var list = new List<SignatureRecord>();
        await foreach (var r in store.Signatures.ListAsync(TempStore.CampaignId))
        {
            list.Add(r);
        }

        return list;
    }
}
