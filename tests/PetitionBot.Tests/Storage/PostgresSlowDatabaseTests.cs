using Npgsql;
using PetitionBot.Fakes.Discord;
using PetitionBot.Storage.LiteDb.Tests;
using PetitionBot.Storage.Postgres;
using PetitionBot.Tests.Discord;
using static PetitionBot.Tests.Discord.DiscordFlow;

namespace PetitionBot.Tests.Storage;

/// <summary>A PostgreSQL store that is slow where every interaction starts: the table of handled interaction ids held by
/// another session. Discord's 3 s deadline (the fake enforces it: a later callback gets 10062) still holds, because the
/// id's record waits only <see cref="PostgresHandledKeys.AnswerWithin"/> before the process's memory decides.</summary>
[Collection(DiscordHostCollection.Name)]
public sealed class PostgresSlowDatabaseTests : IAsyncLifetime
{
    private string _connection = "";

    public async Task InitializeAsync() => _connection = await TestPostgres.CreateDatabaseAsync();

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_connection);

    [Fact]
    public async Task Sign_HandledIdsTableHeldByAnotherSession_AnsweredBeforeTheDeadlineThenSigned()
    {
        await using var bot = await LiveDiscordBot.StartAsync(extra: TestPostgres.BotSettings(_connection));
        const string user = "600000000000051001";

        await using var holder = new NpgsqlConnection(_connection);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE seen_ids IN EXCLUSIVE MODE", holder, hold))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        // Held through the whole flow, longer than Discord waits for any step: every step must still be answered within
        // its deadline, and the signature stored (its tables are not held).
        var trace = await SignAsync(bot.Fake, user, "Slow Store", timeout: TimeSpan.FromSeconds(6));

        Assert.Contains("Signed", Text(trace.Done["data"]), StringComparison.Ordinal);
        Assert.NotNull(await bot.Signatures.FindAsync("test", "discord:" + user));

        // The ids were not given up: once the table is free, each step's is recorded for the other processes.
        await hold.RollbackAsync();
        await hold.DisposeAsync();
        await FakeDiscordServer.WaitUntilAsync(() => SeenIds() >= trace.All.Count, "the held ids recorded", TimeSpan.FromSeconds(20));

        long SeenIds()
        {
            using var conn = new NpgsqlConnection(_connection);
            conn.Open();
            using var cmd = new NpgsqlCommand("SELECT count(*) FROM seen_ids", conn);
            return (long)cmd.ExecuteScalar()!;
        }
    }
}
