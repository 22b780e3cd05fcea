using Npgsql;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Storage.LiteDb.Tests;

public sealed class PostgresMigrationTests
{
    [Fact]
    public async Task MigrateAsync_FourStartersAtOnceOnEmptyDatabase_EachVersionAppliedOnce()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            // Four data sources = four independent sessions, as four processes starting together would open.
            var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
            using var start = new Barrier(4);
            var applied = await Task.WhenAll(sources.Select(s => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return SchemaMigrator.MigrateAsync(s);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()));

            var all = SchemaMigrator.Migrations().Select(m => m.Version).ToList();
            Assert.Equal(all, applied.SelectMany(a => a).Order());
            Assert.Single(applied, a => a.Count > 0);
            await using var cmd = sources[0].CreateCommand("SELECT count(*) FROM schema_migrations");
            Assert.Equal((long)all.Count, await cmd.ExecuteScalarAsync());
            Assert.Empty(await SchemaMigrator.MigrateAsync(sources[1]));
            foreach (var s in sources)
            {
                await s.DisposeAsync();
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task MigrateAsync_DatabaseSignedBefore0006_BreakdownsMoveIntoCampaignAndSchoolRowsWithTheSameCounts()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using (var source = NpgsqlDataSource.Create(connectionString))
            {
                // The schema as version 5 left it, and three signatures made by that version's pb_sign.
                await ReleasedMigrations.ApplyAsync(source, upTo: 5);

                foreach (var (id, platform, stage, method) in new[] { ("1", "Discord", "MS1", 0), ("2", "Discord", "MS1", 0), ("3", "Slack", "MS2", 2) })
                {
                    await ExecAsync(source, $"""
                        SELECT * FROM pb_sign('{id}', 'c', 'h{id}', 1, '{platform}', 'w', NULL, 'UCSF', 'ucsf', '{stage}', 'Medical student', {method},
                                              638000000000000000, '2026-03-10', 12, ARRAY[]::integer[], ARRAY[]::integer[], NULL, NULL, '{(method == 0 ? "SelfAttested" : "SchoolEmail")}', 'ucsf')
                        """);
                }
            }

            var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString, SecretKey = Convert.ToBase64String(new byte[32]) };
            await using var db = new PostgresDatabase(options);
            var stats = await new PostgresSignatureStore(db).GetStatsAsync("c", new DateTimeOffset(638000000000000000, TimeSpan.Zero));

            Assert.Equal(3, stats.Total);
            Assert.Equal(new Dictionary<string, int> { ["Discord"] = 2, ["Slack"] = 1 }, stats.ByPlatform.ToDictionary(r => r.Key, r => r.Count));
            Assert.Equal(new Dictionary<string, int> { ["MS1"] = 2, ["MS2"] = 1 }, stats.ByStage.ToDictionary(r => r.Key, r => r.Count));
            Assert.Equal((2, 1), (stats.Count(Core.Storage.Verification.SelfAttested), stats.Count(Core.Storage.Verification.SchoolEmail)));
            Assert.Equal(3, stats.BySchool.Single().Count);
            Assert.Equal((2, 1), (stats.SchoolCount("ucsf", Core.Storage.Verification.SelfAttested), stats.SchoolCount("ucsf", Core.Storage.Verification.SchoolEmail)));
            await using var left = db.DataSource.CreateCommand("SELECT count(*) FROM counters WHERE kind IN ('platform', 'stage', 'verification', 'school-verification')");
            Assert.Equal(0L, await left.ExecuteScalarAsync());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task MigrateAsync_SendsCountedUnderTheSignaturesEmailHash_ThoseGoThePersonStillCounted()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var options = new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString, SecretKey = Convert.ToBase64String(new byte[32]) };
            var keys = SecretKeys.Load(options);
            var person = keys.EmailSendSubjects("discord:1", "ana@ucsf.edu").Person;
            var sentAt = DateTimeOffset.UtcNow.AddMinutes(-10).UtcTicks;
            await using (var source = NpgsqlDataSource.Create(connectionString))
            {
                // The schema as version 10 left it, and a send counted as that version did.
                await ReleasedMigrations.ApplyAsync(source, upTo: 10);
                await ExecAsync(source, $"INSERT INTO email_sends (subject, at_ticks) VALUES ('{person}', {sentAt}), ('a:{keys.HashEmail("ana@ucsf.edu")}', {sentAt})");
            }

            await using var db = new PostgresDatabase(options);
            await db.EnsureReadyAsync();
            await using (var left = db.DataSource.CreateCommand("SELECT subject FROM email_sends"))
            {
                Assert.Equal(person, await left.ExecuteScalarAsync());
            }

            var emails = new PostgresEmailVerificationStore(db);
            Assert.False(await emails.TryCountSendAsync("discord:1", "other@ucsf.edu", DateTimeOffset.UtcNow, maxPerHour: 1));
            Assert.True(await emails.TryCountSendAsync("discord:2", "ana@ucsf.edu", DateTimeOffset.UtcNow, maxPerHour: 1));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task ExecAsync(NpgsqlDataSource source, string sql)
    {
        await using var cmd = source.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }
}
