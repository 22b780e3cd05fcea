using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>Store methods the bot calls while it runs wait for a write already running (the outbox worker's, another
/// command's) instead of failing: the synchronous <c>Write</c> refuses to wait, so they must use <c>WriteAsync</c>.</summary>
public sealed class LiteDbWriteGateTests
{
    [Fact]
    public async Task NotifyAsync_WhileAnotherWriteRuns_WaitsForItThenQueuesTheNotice()
    {
        using var store = new TempStore();
        await store.Subscriptions.AddAsync(new NewSubscription(TempStore.CampaignId, "discord:1", Core.Model.PlatformKind.Discord, "9000", "1",
            TempStore.T0, TempStore.T0.AddDays(60)));
        var notice = new Announcement("n1", TempStore.CampaignId, AnnouncementKind.SignerNotice, null, null, "Campaign", "AAMC responded.", TempStore.T0);

        var count = await WhileAnotherWriteRunsAsync(store, () => store.Subscriptions.NotifyAsync(notice, "k|delivered", TimeSpan.FromSeconds(2)));

        Assert.Equal(1, count);
        Assert.Single(await store.Outbox.ListForAnnouncementAsync("n1"));
    }

    [Fact]
    public async Task ResponseAddAsync_WhileAnotherWriteRuns_WaitsForItThenRecordsTheResponse()
    {
        using var store = new TempStore();
        var response = new RecipientResponse("r1", TempStore.CampaignId, "Dean of Admissions", new DateOnly(2026, 3, 1), "We will review.", null, TempStore.T0);
        var announcement = new Announcement("a1", TempStore.CampaignId, AnnouncementKind.RecipientResponse, null, null, "Response", "text", TempStore.T0);

        var channels = await WhileAnotherWriteRunsAsync(store, () => store.Responses.AddAsync(response, announcement));

        Assert.Equal(0, channels);
        Assert.Equal(response, Assert.Single(await store.Responses.ListAsync(TempStore.CampaignId)));
    }

    /// <summary>Starts <paramref name="call"/> while another write holds the gate, checks it is still waiting after
    /// 100 ms, lets the other write finish, and returns the call's result.</summary>
    private static async Task<T> WhileAnotherWriteRunsAsync<T>(TempStore store, Func<Task<T>> call)
    {
        var (calls, _) = await HeldWrite.WhileHeldAsync<Task<T>>(store, () => [call()], TimeSpan.FromMilliseconds(100));
        return await calls[0];
    }
}
