using PetitionBot.Core.Storage;
using PetitionBot.Core.Text;

namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class LiteDbSchoolMaintenanceTests : SchoolMaintenanceContract
{
    private TempStore Lite => (TempStore)store;

    [Fact]
    public async Task MigrateAsync_FileFromBeforeCountsByMethod_CountsThemOverallAndPerSchool()
    {
        await SeedAsOldCodeDidAsync();
        Lite.Context.Write(() =>
        {
            foreach (var campaign in Lite.Context.CampaignCounters.FindAll().ToList())
            {
                campaign.ByVerification = [];
                Lite.Context.CampaignCounters.Update(campaign);
            }

            Lite.Context.Counters.DeleteMany(c => c.Group.EndsWith("|" + Aggregates.SchoolVerification));
            Lite.Context.AggregateCache.Clear();
            return 0;
        });
        Assert.Equal(0, (await Stats()).Count(Verification.SelfAttested));

        await store.Schools.MigrateAsync(Directory);

        var stats = await Stats();
        Assert.Equal(4, stats.Count(Verification.SelfAttested));
        Assert.Equal(3, stats.SchoolCount("ucsf", Verification.SelfAttested));
    }

    [Fact]
    public async Task MapAsync_ServerReadBefore_ReadAfterSeesTheMappedSchool()
    {
        await SeedAsOldCodeDidAsync();
        await store.Schools.MigrateAsync(Directory);
        Assert.Equal("other", (await store.Servers.FindAsync(HogwartsServer))!.SchoolId);

        await store.Schools.MapAsync("hogwarts", Directory.Find("vanderbilt")!, "console:organizer", TempStore.T0);

        Assert.Equal("vanderbilt", (await store.Servers.FindAsync(HogwartsServer))!.SchoolId);
    }

    [Fact]
    public async Task MigrateAsync_ServerReadBefore_ReadAfterSeesTheResolvedSchool()
    {
        await SeedAsOldCodeDidAsync();
        var before = await store.Servers.FindAsync(UcsfServer);
        Assert.NotEqual("ucsf", before!.SchoolId);

        await store.Schools.MigrateAsync(Directory);

        Assert.Equal("ucsf", (await store.Servers.FindAsync(UcsfServer))!.SchoolId);
    }

    protected override Task<StoreUnderTest> CreateStoreAsync() => Task.FromResult<StoreUnderTest>(new TempStore());

    protected override Task ForgetSchoolIdsAsync()
    {
        Lite.Context.Write(() =>
        {
            foreach (var doc in Lite.Context.Signatures.FindAll().ToList())
            {
                doc.SchoolId = "";
                doc.SchoolKey = InputRules.SchoolKey(doc.School);
                Lite.Context.Signatures.Update(doc);
            }

            foreach (var server in Lite.Context.Servers.FindAll().ToList())
            {
                server.SchoolId = null;
                Lite.Context.Servers.Update(server);
            }

            Aggregates.RebuildSchools(Lite.Context);
            return 0;
        });
        Lite.Context.ServerCache.Clear();
        return Task.CompletedTask;
    }
}
