using System.Collections.Concurrent;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Outbox status changes (delivered, retry later, failed) written together (group commit): each change completes
/// when the transaction that carries it commits, and the changes that arrive while one transaction is written go into
/// the next, all in one. A fan-out's hundreds of deliveries then end in a few writes instead of one each, and the
/// deliveries no longer queue behind each other's commits.</summary>
internal sealed class OutboxChangeBatch(LiteDbContext db)
{
    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _writing;

    public Task Apply(string itemId, Action<OutboxDoc> change)
    {
        var pending = new Pending(itemId, change, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(pending);
        _ = WriteQueuedAsync();
        return pending.Done.Task;
    }

    /// <summary>Writes what is queued, one transaction at a time, until the queue is empty. Only one caller writes; a
    /// change queued while it writes is seen by its next turn of the loop (it checks the queue after letting go).</summary>
    private async Task WriteQueuedAsync()
    {
        while (!_queue.IsEmpty && Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            var batch = new List<Pending>();
            try
            {
                while (_queue.TryDequeue(out var pending))
                {
                    batch.Add(pending);
                }

                await db.WriteAsync(() =>
                {
                    foreach (var pending in batch)
                    {
                        if (db.Outbox.FindById(pending.ItemId) is { } doc)
                        {
                            pending.Change(doc);
                            db.Outbox.Update(doc);
                        }
                    }

                    return batch.Count;
                }).ConfigureAwait(false);
                batch.ForEach(p => p.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                // The transaction rolled back: none of its changes was saved, and each caller is told.
                batch.ForEach(p => p.Done.TrySetException(ex));
            }
            finally
            {
                Volatile.Write(ref _writing, 0);
            }
        }
    }

    private sealed record Pending(string ItemId, Action<OutboxDoc> Change, TaskCompletionSource Done);
}
