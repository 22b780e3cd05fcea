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
}
