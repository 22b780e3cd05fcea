using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.Postgres;
using PetitionBot.Core.Ports;

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

    [Fact]
    public async Task FirstTimeAsync_SameEnvelopeToTwoProcesses_OnlyOneTakesIt()
    {
        var a = new PostgresHandledKeys(_first.Database, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresHandledKeys>.Instance);
        var b = new PostgresHandledKeys(_second, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresHandledKeys>.Instance);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).FirstTimeAsync("slack:e:" + (i / 2))));

        Assert.Equal(10, results.Count(r => r));
        Assert.False(await a.FirstTimeAsync("slack:e:3"));
        Assert.False(await b.FirstTimeAsync("slack:e:3"));
        Assert.True(await b.FirstTimeAsync("discord:i:new"));
        Assert.False(await a.FirstTimeAsync("discord:i:new"));
    }

    [Fact]
    public async Task AcquireAsync_HolderSessionDies_OtherProcessTakesOverAndHolderIsToldItLost()
    {
        var log = Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresExclusiveRoles>.Instance;
        var a = new PostgresExclusiveRoles(_first.Database, log);
        var b = new PostgresExclusiveRoles(_second, log);
        await using var held = await a.AcquireAsync("discord-gateway");
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var waiting = b.AcquireAsync("discord-gateway", giveUp.Token);
        await Task.Delay(PostgresExclusiveRoles.RetryInterval * 2);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(["discord-gateway"], a.Held);
        Assert.Empty(b.Held);

        // The holder's session ends as it would when its process is killed: the server drops the lock with it.
        var killedAt = System.Diagnostics.Stopwatch.StartNew();
        await using (var cmd = _second.DataSource.CreateCommand("""
            SELECT pg_terminate_backend(pid) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        await using var taken = await waiting;
        Assert.InRange(killedAt.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.Equal(["discord-gateway"], b.Held);
        await Task.Delay(PostgresExclusiveRoles.CheckInterval * 2, held.Lost).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.True(held.Lost.IsCancellationRequested);
        Assert.Empty(a.Held);
    }
}
