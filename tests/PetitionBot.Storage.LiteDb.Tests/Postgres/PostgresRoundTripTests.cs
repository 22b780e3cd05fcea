using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>Fewer PostgreSQL round trips per interaction (issue 17): handled keys inserted together under a burst,
/// server settings reused for a few seconds, pooled connections neither reset nor re-parsing their statements.</summary>
public sealed class PostgresRoundTripTests : IAsyncLifetime
{
    private PostgresTempStore _store = null!;
    private PostgresDatabase _other = null!;

    public async Task InitializeAsync()
    {
        _store = await PostgresTempStore.CreateAsync();
        _other = new PostgresDatabase(_store.Options);
        await _other.EnsureReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _other.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task FirstTimeAsync_BurstOf200KeysWhileAnInsertIsInFlight_TwoTransactions()
    {
        var keys = new PostgresHandledKeys(_store.Database, new FakeTimeProvider(TempStore.T0), NullLogger<PostgresHandledKeys>.Instance);

        // Another session holds the table, so the first key's insert stays in flight while the other 199 are offered
        // (on a loaded 2-core machine, keys offered from 200 threads trickled in one by one and proved nothing).
        await using var holder = await _store.Database.DataSource.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE seen_ids IN EXCLUSIVE MODE", holder, hold))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var pending = Enumerable.Range(0, 200).Select(i => keys.FirstTimeAsync("signed:discord:i:" + i)).ToArray();
        Assert.DoesNotContain(pending, p => p.IsCompleted);
        await hold.CommitAsync();
        var answers = await Task.WhenAll(pending);

        Assert.All(answers, Assert.True);

        // Rows written by one transaction share its xmin: the first key alone, then the 199 that waited, together.
        var transactions = await ScalarAsync<long>("SELECT count(DISTINCT xmin::text) FROM seen_ids");
        Assert.Equal(200, await ScalarAsync<long>("SELECT count(*) FROM seen_ids"));
        Assert.Equal(2, transactions);
    }

    [Fact]
    public async Task FirstTimeAsync_DatabaseSlowerThanTheBudget_MemoryAnswersThenTheKeyStillGoesIn()
    {
        var time = new FakeTimeProvider(TempStore.T0);
        var keys = new PostgresHandledKeys(_store.Database, time, NullLogger<PostgresHandledKeys>.Instance);
        await using var holder = await _store.Database.DataSource.OpenConnectionAsync();
        var hold = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE seen_ids IN EXCLUSIVE MODE", holder, hold))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var answer = keys.FirstTimeAsync("signed:discord:i:slow");
        await WaitUntilAsync(async () => await ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0);
        Assert.False(answer.IsCompleted);

        // The interaction cannot wait on the database past its budget: this process's memory answers.
        time.Advance(PostgresHandledKeys.AnswerWithin);
        Assert.True(await answer.WaitAsync(TimeSpan.FromSeconds(10)));

        // The insert was not given up: once the database moves, the key is there for every other process.
        await hold.RollbackAsync();
        await hold.DisposeAsync();
        await WaitUntilAsync(async () => await ScalarAsync<long>("SELECT count(*) FROM seen_ids WHERE id = 'signed:discord:i:slow'") == 1);
        var other = new PostgresHandledKeys(_other, time, NullLogger<PostgresHandledKeys>.Instance);
        Assert.False(await other.FirstTimeAsync("signed:discord:i:slow"));
    }

    [Fact]
    public async Task OpenConnection_ConnectionStringSilentOnPoolSize_TenAtMostTheEleventhWaitsForOne()
    {
        var open = new List<NpgsqlConnection>();
        for (var i = 0; i < PostgresDatabase.DefaultMaxPoolSize; i++)
        {
            open.Add(await _other.DataSource.OpenConnectionAsync());
        }

        var eleventh = _other.DataSource.OpenConnectionAsync().AsTask();
        await Task.Delay(300);
        Assert.False(eleventh.IsCompleted);

        await open[0].DisposeAsync();
        await using var got = await eleventh.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(System.Data.ConnectionState.Open, got.State);
        foreach (var conn in open.Skip(1))
        {
            await conn.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Host=h;Database=d", PostgresDatabase.DefaultMaxPoolSize)]
    [InlineData("Host=h;Database=d;Maximum Pool Size=40", 40)]
    [InlineData("Host=h;Database=d;maximum pool size=3", 3)]
    [InlineData("Host=h;Database=d;MaxPoolSize=100", 100)]
    public void PooledConnectionString_PoolSize_TheConfiguredOneElseTen(string configured, int expected)
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresDatabase.PooledConnectionString(configured));

        Assert.Equal(expected, built.MaxPoolSize);
    }

    [Fact]
    public async Task FindAsync_SavedByAnotherProcess_OldSettingsUntilTheCacheLifetimeThenNew()
    {
        var time = new FakeTimeProvider(TempStore.T0);
        var here = new PostgresServerStore(_store.Database, time);
        var there = new PostgresServerStore(_other, time);
        var server = new ServerRef(PlatformKind.Discord, "g1");
        await there.SaveAsync(new ServerSettings(server) { VerifiedRoleId = "old", UpdatedAt = TempStore.T0 });
        Assert.Equal("old", (await here.FindAsync(server))!.VerifiedRoleId);

        await there.SaveAsync(new ServerSettings(server) { VerifiedRoleId = "new", UpdatedAt = TempStore.T0 });

        Assert.Equal("new", (await there.FindAsync(server))!.VerifiedRoleId);
        Assert.Equal("old", (await here.FindAsync(server))!.VerifiedRoleId);
        time.Advance(PostgresServerStore.CacheLifetime);
        Assert.Equal("new", (await here.FindAsync(server))!.VerifiedRoleId);
    }

    [Fact]
    public async Task FindAsync_OwnSaveAfterARead_SeenAtOnce()
    {
        var time = new FakeTimeProvider(TempStore.T0);
        var servers = new PostgresServerStore(_store.Database, time);
        var server = new ServerRef(PlatformKind.Slack, "T1");
        Assert.Null(await servers.FindAsync(server));

        await servers.SaveAsync(new ServerSettings(server) { AnnouncementChannelId = "C1", UpdatedAt = TempStore.T0 });
        Assert.Equal("C1", (await servers.FindAsync(server))!.AnnouncementChannelId);

        await servers.SaveAsync(new ServerSettings(server) { AnnouncementChannelId = "C2", UpdatedAt = TempStore.T0 });
        Assert.Equal("C2", (await servers.FindAsync(server))!.AnnouncementChannelId);
    }

    [Fact]
    public async Task FindAsync_RowDeletedBehindItsBack_ReadsTheDatabaseOncePerLifetime()
    {
        var time = new FakeTimeProvider(TempStore.T0);
        var servers = new PostgresServerStore(_store.Database, time);
        var server = new ServerRef(PlatformKind.Discord, "g2");
        await servers.SaveAsync(new ServerSettings(server) { Name = "x", UpdatedAt = TempStore.T0 });
        Assert.NotNull(await servers.FindAsync(server));

        await ScalarAsync<int>("WITH d AS (DELETE FROM servers RETURNING 1) SELECT count(*)::int FROM d");

        Assert.NotNull(await servers.FindAsync(server));
        time.Advance(PostgresServerStore.CacheLifetime);
        Assert.Null(await servers.FindAsync(server));
    }

    [Fact]
    public async Task StoreCommand_RepeatedOnAPooledConnection_PreparedAndKeptAcrossReturnsToThePool()
    {
        var store = new PostgresServerStore(_store.Database, new FakeTimeProvider(TempStore.T0));
        await using (var conn = await _store.Database.DataSource.OpenConnectionAsync())
        await using (var cmd = new NpgsqlCommand("SELECT set_config('application_name', 'marked', false)", conn))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        for (var i = 0; i < 6; i++)
        {
            Assert.Empty(await store.ListAsync());
        }

        // The pool holds one idle connection here (every call above opened and closed one): the same session, kept as it
        // was (no reset, so the mark stays) and holding the statement prepared (Npgsql prepares a text on its fifth run).
        await using var again = await _store.Database.DataSource.OpenConnectionAsync();
        await using var check = new NpgsqlCommand(
            "SELECT current_setting('application_name'), (SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%FROM servers ORDER BY id%')", again);
        await using var r = await check.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal("marked", r.GetString(0));
        Assert.Equal(1, r.GetInt64(1));
    }

    [Theory]
    [InlineData("Host=h;Database=d", true, 64)]
    [InlineData("Host=h;Database=d;No Reset On Close=false;Max Auto Prepare=0", false, 0)]
    [InlineData("Host=h;Database=d;NoResetOnClose=false;MaxAutoPrepare=5", false, 5)]
    public void PooledConnectionString_WhatTheConfigurationSays_DefaultsOnlyWhereItIsSilent(string configured, bool noReset, int autoPrepare)
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresDatabase.PooledConnectionString(configured));

        Assert.Equal(noReset, built.NoResetOnClose);
        Assert.Equal(autoPrepare, built.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;Username=bot", GssEncryptionMode.Disable)]
    [InlineData("Host=db;Username=bot;Gss Encryption Mode=Prefer", GssEncryptionMode.Prefer)]
    [InlineData("Host=db;Username=bot;GssEncryptionMode=Require", GssEncryptionMode.Require)]
    public void PooledConnectionString_GssEncryptionUnsaid_NotProbed(string configured, GssEncryptionMode expected)
    {
        var built = new NpgsqlConnectionStringBuilder(PostgresDatabase.PooledConnectionString(configured));

        Assert.Equal(expected, built.GssEncryptionMode);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the database");
            await Task.Delay(20);
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var conn = await _store.Database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
