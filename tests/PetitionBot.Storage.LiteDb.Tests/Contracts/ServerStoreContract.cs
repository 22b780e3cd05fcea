using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The contract every store keeps; runs on LiteDB and on PostgreSQL.</summary>
public abstract class ServerStoreContract : StoreContract
{
    [Fact]
    public async Task FindAsync_SavedSettings_RoundTripEveryField()
    {
        var settings = new ServerSettings(new ServerRef(PlatformKind.Slack, "T1"))
        {
            Name = "LMSA",
            Present = false,
            AnnouncementChannelId = "C1",
            LeaderRoleId = "S1",
            VerifiedRoleId = "S2",
            Strict = true,
            School = "University of California, San Francisco School of Medicine",
            SchoolId = "ucsf",
            DefaultCampaignId = "c",
            ChannelProblem = "forbidden",
            AdminNoticePending = true,
            UpdatedAt = TempStore.T0,
        };
        await store.Servers.SaveAsync(settings);

        Assert.Equal(settings, await store.Servers.FindAsync(settings.Ref));
        Assert.Null(await store.Servers.FindAsync(new ServerRef(PlatformKind.Discord, "T1")));
        Assert.Single(await store.Servers.ListAsync());
    }

    [Fact]
    public async Task FindAsync_ReadBeforeEachSave_SeesEverySave()
    {
        var server = new ServerRef(PlatformKind.Discord, "G-cache");
        Assert.Null(await store.Servers.FindAsync(server));

        await store.Servers.SaveAsync(new ServerSettings(server) { AnnouncementChannelId = "C1", UpdatedAt = TempStore.T0 });
        Assert.Equal("C1", (await store.Servers.FindAsync(server))!.AnnouncementChannelId);

        await store.Servers.SaveAsync(new ServerSettings(server) { AnnouncementChannelId = "C2", UpdatedAt = TempStore.T0 });
        Assert.Equal("C2", (await store.Servers.FindAsync(server))!.AnnouncementChannelId);
    }
}
