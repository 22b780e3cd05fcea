using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The contract every store keeps; runs on LiteDB and on PostgreSQL.</summary>
public abstract class ResponseStoreContract : StoreContract
{
    [Fact]
    public async Task AddAsync_SameResponseTwice_RecordedAndAnnouncedOnce()
    {
        await store.RegisterServerAsync("1", "11");
        await store.RegisterServerAsync("T2", "C22", platform: PlatformKind.Slack);
        var response = Response("r1", new DateOnly(2026, 3, 1));

        var first = await store.Responses.AddAsync(response, Announcement("a1"));
        var again = await store.Responses.AddAsync(response, Announcement("a2"));

        Assert.Equal(2, first);
        Assert.Null(again);
        Assert.Equal(2, (await store.Outbox.ListForAnnouncementAsync("a1")).Count);
        Assert.Empty(await store.Outbox.ListForAnnouncementAsync("a2"));
        Assert.Equal(response, Assert.Single(await store.Responses.ListAsync(TempStore.CampaignId)));
    }

    [Fact]
    public async Task ListAsync_SeveralResponses_LatestResponseDateFirstOnlyThisCampaign()
    {
        await store.Responses.AddAsync(Response("r1", new DateOnly(2026, 3, 1)), Announcement("a1"));
        await store.Responses.AddAsync(Response("r2", new DateOnly(2026, 3, 5)) with { Text = null, Link = "https://example.org/letter" }, Announcement("a2"));
        await store.Responses.AddAsync(Response("r3", new DateOnly(2026, 3, 9)) with { CampaignId = "other" }, Announcement("a3") with { CampaignId = "other" });

        var list = await store.Responses.ListAsync(TempStore.CampaignId);

        Assert.Equal(["r2", "r1"], list.Select(r => r.Id));
        Assert.Equal("https://example.org/letter", list[0].Link);
    }

    private static RecipientResponse Response(string id, DateOnly on) =>
        new(id, TempStore.CampaignId, "Dean of Admissions", on, "We will review the guidance.", null, TempStore.T0);

    private static Announcement Announcement(string id) =>
        new(id, TempStore.CampaignId, AnnouncementKind.RecipientResponse, null, null, "Response", "text", TempStore.T0);
}
