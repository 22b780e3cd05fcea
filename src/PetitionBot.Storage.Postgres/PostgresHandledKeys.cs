using Microsoft.Extensions.Logging;
using Npgsql;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;

namespace PetitionBot.Storage.Postgres;

/// <summary>Handled interaction/envelope ids shared by every process on the database: the first INSERT of a key wins.
/// Keys are kept for <see cref="Lifetime"/> (longer than Discord's 15-minute interaction tokens and Slack's retries),
/// then purged. Repeats within this process are answered from memory; when the database cannot be reached the memory
/// answer stands (answering the person beats dropping the event).</summary>
public sealed partial class PostgresHandledKeys(PostgresDatabase db, TimeProvider time, ILogger<PostgresHandledKeys> logger) : IHandledKeys
{
    public static TimeSpan Lifetime { get; } = TimeSpan.FromHours(1);

    private readonly MemoryHandledKeys _local = new();
    private int _inserts;

    public async Task<bool> FirstTimeAsync(string key, CancellationToken ct = default)
    {
        if (!await _local.FirstTimeAsync(key, ct))
        {
            return false;
        }

        try
        {
            var now = time.GetUtcNow();
            var purge = Interlocked.Increment(ref _inserts) % 1000 == 0;
            await using var conn = await db.OpenAsync(ct);
            await using var batch = new NpgsqlBatch(conn);
            batch.BatchCommands.Add(PgAggregates.Command("INSERT INTO seen_ids (id, expires_at_ticks) VALUES (@id, @exp) ON CONFLICT (id) DO NOTHING",
                ("id", key), ("exp", (now + Lifetime).UtcTicks)));
            if (purge)
            {
                batch.BatchCommands.Add(PgAggregates.Command("DELETE FROM seen_ids WHERE expires_at_ticks < @now", ("now", now.UtcTicks)));
            }

            await batch.ExecuteNonQueryAsync(ct);
            return batch.BatchCommands[0].RecordsAffected == 1;
        }
        catch (NpgsqlException ex)
        {
            LogUnreachable(logger, ex.GetType().Name);
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "De-duplication store unreachable ({Error}); this process's memory decides")]
    private static partial void LogUnreachable(ILogger logger, string error);
}
