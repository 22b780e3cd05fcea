using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>The PostgreSQL signing path around a milestone: a signature this process expects to reach one goes straight
/// to the milestone transaction (no pb_sign aborted with PBM01 first), and that transaction is two round trips (sign and
/// read; announcements, deliveries and commit). A wrong guess changes nothing but the path.</summary>
public sealed class PostgresMilestonePathTests : IAsyncLifetime
{
    private static readonly MilestonePlan Plan = new([], [5]);

    private PostgresTempStore _store = null!;

    public async Task InitializeAsync() => _store = await PostgresTempStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task AddAsync_SignatureThisProcessExpectsToReachAMilestone_TwoCommandsAndNoneAborted()
    {
        await _store.RegisterServerAsync("1", "11", school: "UCSF School of Medicine");
        await _store.RegisterServerAsync("2", "22", school: "UCSF School of Medicine");
        var signatures = new PostgresSignatureStore(_store.Database);
        for (var i = 0; i < 4; i++)
        {
            Assert.Empty((await signatures.AddAsync(TempStore.Signature($"{i}"), Plan)).Announcements);
        }

        var (fifth, commands, failed) = await LoggedAsync(() => signatures.AddAsync(TempStore.Signature("4"), Plan));

        Assert.Equal((2, 0), (commands, failed));
        var announcement = Assert.Single(fifth.Announcements);
        Assert.Equal(5, announcement.Milestone);
        Assert.Equal(["11", "22"], (await _store.Outbox.ListForAnnouncementAsync(announcement.Id)).Select(d => d.Channel.ChannelId).Order());
    }

    [Fact]
    public async Task AddAsync_MilestoneNotExpectedByThisProcess_AbortedOnceThenAnnouncedInTwoCommands()
    {
        await _store.RegisterServerAsync("1", "11", school: "UCSF School of Medicine");
        for (var i = 0; i < 4; i++)
        {
            await new PostgresSignatureStore(_store.Database).AddAsync(TempStore.Signature($"{i}"), Plan);
        }

        var (fifth, commands, failed) = await LoggedAsync(() => new PostgresSignatureStore(_store.Database).AddAsync(TempStore.Signature("4"), Plan));

        Assert.Equal((3, 1), (commands, failed));
        Assert.Single(fifth.Announcements);
        Assert.Single(await _store.Outbox.ListForAnnouncementAsync(fifth.Announcements[0].Id));
    }

    [Fact]
    public async Task AddAsync_ExpectedMilestoneTakenByAnotherProcess_SignedWithoutAnnouncingAgain()
    {
        await using var other = new PostgresDatabase(_store.Options);
        await _store.RegisterServerAsync("1", "11", school: "UCSF School of Medicine");
        var here = new PostgresSignatureStore(_store.Database);
        var there = new PostgresSignatureStore(other);
        for (var i = 0; i < 4; i++)
        {
            await here.AddAsync(TempStore.Signature($"{i}"), Plan);
        }

        var theirs = await there.AddAsync(TempStore.Signature("4"), Plan);
        var mine = await here.AddAsync(TempStore.Signature("5"), Plan);
        var repeat = await here.AddAsync(TempStore.Signature("5"), Plan);

        Assert.Single(theirs.Announcements);
        Assert.True(mine.Added);
        Assert.Empty(mine.Announcements);
        Assert.Equal(6, mine.CampaignTotal);
        Assert.False(repeat.Added);
        Assert.Equal(6, repeat.CampaignTotal);
        Assert.Equal(1, await _store.Outbox.PendingCountAsync());
        var stats = await here.GetStatsAsync(TempStore.CampaignId, TempStore.T0);
        Assert.Equal(6, stats.Total);
        Assert.Equal(6, Assert.Single(stats.BySchool).Count);
    }

    /// <summary>Runs <paramref name="work"/>; returns its result and how many commands it ran on this test's database
    /// (and how many of them failed).</summary>
    private async Task<(T Result, int Commands, int Failed)> LoggedAsync<T>(Func<Task<T>> work)
    {
        using var log = new CommandLog(_store.Options.ConnectionString!);
        var result = await work();
        return (result, log.Commands, log.Failed);
    }

    /// <summary>The commands Npgsql runs against one database while it lives (its tracing activities), and how many failed.</summary>
    private sealed class CommandLog : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _stopped = new();

        public CommandLog(string connectionString)
        {
            var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.TagObjects.Any(t => t.Value is string value && value.Contains(database, StringComparison.Ordinal)))
                    {
                        _stopped.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Commands => _stopped.Count;

        public int Failed => _stopped.Count(a => a.Status == ActivityStatusCode.Error);

        public void Dispose() => _listener.Dispose();
    }
}
