using Microsoft.Extensions.Logging;
using NpgsqlTypes;
using PetitionBot.Core.Interactions;

namespace PetitionBot.Storage.Postgres;

/// <summary>Handled interaction/envelope ids shared by every process on the database: the first INSERT of a key wins.
/// Keys are kept for <see cref="Lifetime"/> (longer than Discord's 15-minute interaction tokens and Slack's retries),
/// then purged. Repeats within this process are answered from memory; when the database cannot be reached the memory
/// answer stands (answering the person beats dropping the event), and so it does when the database is slower than
/// <see cref="AnswerWithin"/>: the caller must still acknowledge within Discord's 3 s, and its deferral budget counts from
/// receipt. The insert still goes in, so a later repeat is caught.
/// Keys offered while an insert is in flight go together in the next one (one statement, one transaction): alone, a
/// key is inserted at once; under a burst, one round trip serves every interaction that arrived meanwhile. Each insert
/// takes its keys in ordinal order, so two processes inserting overlapping keys wait on each other in the same order
/// (no deadlock).</summary>
public sealed partial class PostgresHandledKeys(PostgresDatabase db, TimeProvider time, ILogger<PostgresHandledKeys> logger) : IHandledKeys
{
    private const string Insert = """
        INSERT INTO seen_ids (id, expires_at_ticks) SELECT k, @exp FROM unnest(@ids) AS k
        ON CONFLICT (id) DO NOTHING RETURNING id
        """;

    public static TimeSpan Lifetime { get; } = TimeSpan.FromHours(1);

    /// <summary>How long a caller waits for the database's answer before this process's memory decides.</summary>
    public static TimeSpan AnswerWithin { get; } = TimeSpan.FromSeconds(1);

    private readonly MemoryHandledKeys _local = new();
    private readonly Lock _gate = new();
    private List<(string Key, TaskCompletionSource<bool> Answer)> _waiting = [];
    private bool _inserting;
    private long _inserted;
    private long _slowSaidAt;

    public async Task<bool> FirstTimeAsync(string key, CancellationToken ct = default)
    {
        if (!await _local.FirstTimeAsync(key, ct))
        {
            return false;
        }

        var answer = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (_gate)
        {
            _waiting.Add((key, answer));
            lead = !_inserting;
            _inserting = true;
        }

        if (lead)
        {
            _ = InsertWhileWaitingAsync();
        }

        try
        {
            return await answer.Task.WaitAsync(AnswerWithin, time, ct);
        }
        catch (TimeoutException)
        {
            // Said once a minute at most: under a slow database every interaction comes here.
            var now = time.GetTimestamp();
            var last = Interlocked.Read(ref _slowSaidAt);
            if ((last == 0 || time.GetElapsedTime(last, now) > TimeSpan.FromMinutes(1)) && Interlocked.CompareExchange(ref _slowSaidAt, now, last) == last)
            {
                LogSlow(logger, AnswerWithin.TotalMilliseconds);
            }

            return true;
        }
    }

    /// <summary>Inserts the waiting keys, then those that came meanwhile, until none is left.</summary>
    private async Task InsertWhileWaitingAsync()
    {
        while (true)
        {
            List<(string Key, TaskCompletionSource<bool> Answer)> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _inserting = false;
                    return;
                }

                batch = _waiting;
                _waiting = [];
            }

            try
            {
                var fresh = await InsertAsync(batch.Select(b => b.Key).ToArray());
                foreach (var (key, answer) in batch)
                {
                    answer.TrySetResult(fresh.Contains(key));
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogUnreachable(logger, ex.GetType().Name);
                foreach (var (_, answer) in batch)
                {
                    answer.TrySetResult(true);
                }
            }
            catch (Exception ex)
            {
                foreach (var (_, answer) in batch)
                {
                    answer.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>Inserts the keys; returns those that were not there yet.</summary>
    private async Task<HashSet<string>> InsertAsync(string[] keys, CancellationToken ct = default)
    {
        Array.Sort(keys, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var before = _inserted;
        _inserted += keys.Length;
        var purge = before / 1000 != _inserted / 1000;
        await using var conn = await db.OpenAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        var insert = new NpgsqlBatchCommand(Insert);
        insert.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys });
        insert.Parameters.Add(new NpgsqlParameter("exp", NpgsqlDbType.Bigint) { Value = (now + Lifetime).UtcTicks });
        batch.BatchCommands.Add(insert);
        if (purge)
        {
            batch.BatchCommands.Add(PgAggregates.Command("DELETE FROM seen_ids WHERE expires_at_ticks < @now", ("now", now.UtcTicks)));
        }

        var fresh = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            fresh.Add(reader.GetString(0));
        }

        return fresh;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "De-duplication store unreachable ({Error}); this process's memory decides")]
    private static partial void LogUnreachable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "De-duplication store slower than {BudgetMs} ms; this process's memory decides")]
    private static partial void LogSlow(ILogger logger, double budgetMs);
}
