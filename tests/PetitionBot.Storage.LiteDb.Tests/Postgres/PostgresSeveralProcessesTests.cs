using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>Two <see cref="PostgresDatabase"/> instances on one database: what two bot processes share.</summary>
public sealed class PostgresSeveralProcessesTests : IAsyncLifetime
{
    private PostgresTempStore _first = null!;
    private PostgresDatabase _second = null!;

    public async Task InitializeAsync()
    {
        _first = await PostgresTempStore.CreateAsync();
        _second = new PostgresDatabase(_first.Options);
        await _second.EnsureReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task AddAsync_SamePersonFromTwoProcessesAtOnce_OneSignatureBothToldTheTruth()
    {
        var stores = new ISignatureStore[] { _first.Signatures, new PostgresSignatureStore(_second) };
        using var start = new Barrier(8);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return stores[i % 2].AddAsync(TempStore.Signature("42", name: "Ana " + i), new MilestonePlan([1], []));
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()));

        var winner = Assert.Single(outcomes, o => o.Added);
        Assert.All(outcomes, o => Assert.Equal(winner.Signature, o.Signature));
        Assert.All(outcomes, o => Assert.Equal(1, o.CampaignTotal));
        Assert.Single(outcomes.SelectMany(o => o.Announcements));
        Assert.Equal(1, (await _first.Signatures.GetStatsAsync(TempStore.CampaignId, TempStore.T0)).Total);
    }

    [Fact]
    public async Task DueAsync_ItemClaimedByOtherProcess_SkippedUntilItsLeaseExpiresThenSameId()
    {
        var channels = new[] { new ChannelRef(PlatformKind.Discord, "1", "11"), new ChannelRef(PlatformKind.Discord, "2", "22") };
        await _first.Outbox.EnqueueAsync(new Announcement("a1", TempStore.CampaignId, AnnouncementKind.ChapterUpdate, null, null, "t", "x", TempStore.T0), channels);
        var mine = _first.Outbox;
        var theirs = new PostgresOutboxStore(_second);

        var claimed = await mine.DueAsync(TempStore.T0, 1);
        var other = await theirs.DueAsync(TempStore.T0, 10);

        var item = Assert.Single(claimed);
        Assert.DoesNotContain(other, o => o.Id == item.Id);
        Assert.Single(other);
        Assert.DoesNotContain(await theirs.DueAsync(TempStore.T0.AddSeconds(29), 10), o => o.Id == item.Id);
        var afterLease = await theirs.DueAsync(TempStore.T0 + PostgresOutboxStore.Lease, 10);
        Assert.Contains(afterLease, o => o.Id == item.Id);
        await theirs.MarkDeliveredAsync(item.Id, TempStore.T0);
        Assert.DoesNotContain(await mine.DueAsync(TempStore.T0.AddHours(1), 10), o => o.Id == item.Id);
    }

    [Fact]
    public async Task DisposeAsync_CleanStop_GivesBackClaimsAtOnce()
    {
        await _first.Outbox.EnqueueAsync(new Announcement("a1", TempStore.CampaignId, AnnouncementKind.ChapterUpdate, null, null, "t", "x", TempStore.T0),
            [new ChannelRef(PlatformKind.Slack, "T1", "C1")]);
        Assert.Single(await new PostgresOutboxStore(_second).DueAsync(TempStore.T0, 10));
        Assert.Empty(await _first.Outbox.DueAsync(TempStore.T0, 10));

        await _second.DisposeAsync();
        _second = new PostgresDatabase(_first.Options);

        Assert.Single(await _first.Outbox.DueAsync(TempStore.T0, 10));
    }
}
