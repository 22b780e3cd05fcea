using System.Collections.Concurrent;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Group commit for <see cref="LiteDbContext.WriteAsync{T}"/>: the writes asked for while one transaction is
/// written go together into the next one, up to <see cref="MostPerTransaction"/>, each in its turn, and each caller
/// gets its result when that transaction commits. In a burst of signatures the pages every signature changes (the
/// campaign's and the school's counts, the indexes) are then written once a transaction instead of once a signature,
/// and a writer no longer waits for each of the others' commits in turn. A write that throws rolls its transaction
/// back: the writes of that transaction are then run again one transaction each, so only the failing one fails (a
/// write is a function of what the file holds, and runs again as it ran the first time).</summary>
internal sealed class WriteQueue(SemaphoreSlim gate, Action<Action> inTransaction)
{
    /// <summary>The most writes one transaction carries, so the first of them waits for a bounded number of others.</summary>
    public const int MostPerTransaction = 64;

    private readonly ConcurrentQueue<IQueuedWrite> _queue = new();
    private int _writing;
    private bool _closed;

    /// <summary>How many writes the last transaction carried: one means writes come one at a time.</summary>
    private int _lastBatch;

    private interface IQueuedWrite
    {
        void Run();

        void Complete();

        void Fail(Exception ex);
    }

    /// <summary>The store is closing: a write asked for from now on is refused at once.</summary>
    public void Close() => Volatile.Write(ref _closed, true);

    public Task<T> Enqueue<T>(Func<T> work)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed), typeof(LiteDbContext));
        var write = new QueuedWrite<T>(work);
        _queue.Enqueue(write);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
        {
            return write.Done.Task;
        }

        if (Volatile.Read(ref _lastBatch) <= 1 && gate.Wait(0))
        {
            // Writes come one at a time: this caller writes its own transaction, with no hand-over to another thread.
            var more = false;
            try
            {
                WriteBatch();
                more = !_queue.IsEmpty;
            }
            finally
            {
                Finish(more);
            }
        }
        else
        {
            // Writes come together: the writer runs on the pool, so the caller that starts it is not kept writing the
            // others' work, and the writes that arrive while it gets a thread join its first transaction.
            Drain(holdingGate: false);
        }

        return write.Done.Task;
    }

    private void Drain(bool holdingGate) =>
        ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Queue.DrainAsync(state.HoldingGate), (Queue: this, HoldingGate: holdingGate), preferLocal: false);

    /// <summary>Writes batches until the queue is empty, then lets go.</summary>
    private async Task DrainAsync(bool holdingGate)
    {
        if (!holdingGate)
        {
            try
            {
                await gate.WaitAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException ex)
            {
                // The store was closed with writes still asked for: each caller is told, none waits for ever.
                while (_queue.TryDequeue(out var write))
                {
                    write.Fail(ex);
                }

                return;
            }
        }

        try
        {
            while (WriteBatch())
            {
            }
        }
        finally
        {
            Finish(more: false);
        }
    }

    /// <summary>The writer holds the gate. When <paramref name="more"/> is queued it hands the gate to a drain on the pool;
    /// otherwise it releases the gate and the writer's role, and starts a new drain for a write queued just before that
    /// (which found a writer at work and left the writing to it).</summary>
    private void Finish(bool more)
    {
        if (more)
        {
            Drain(holdingGate: true);
            return;
        }

        gate.Release();
        Volatile.Write(ref _writing, 0);
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            Drain(holdingGate: false);
        }
    }

    /// <summary>Writes up to <see cref="MostPerTransaction"/> queued writes in one transaction; false when none was queued.</summary>
    private bool WriteBatch()
    {
        var batch = new List<IQueuedWrite>(Math.Min(Math.Max(_queue.Count, 1), MostPerTransaction));
        if (!Take(batch))
        {
            return false;
        }

        Volatile.Write(ref _lastBatch, batch.Count);
        Write(batch);
        return true;
    }

    private bool Take(List<IQueuedWrite> batch)
    {
        while (batch.Count < MostPerTransaction && _queue.TryDequeue(out var write))
        {
            batch.Add(write);
        }

        return batch.Count > 0;
    }

    private void Write(List<IQueuedWrite> batch)
    {
        try
        {
            inTransaction(() => batch.ForEach(write => write.Run()));
        }
        catch (Exception) when (batch.Count > 1)
        {
            // Rolled back: none of them is saved. Each again alone, so the one that fails is the only one told.
            batch.ForEach(WriteAlone);
            return;
        }
        catch (Exception ex)
        {
            batch[0].Fail(ex);
            return;
        }

        batch.ForEach(write => write.Complete());
    }

    private void WriteAlone(IQueuedWrite write)
    {
        try
        {
            inTransaction(write.Run);
        }
        catch (Exception ex)
        {
            write.Fail(ex);
            return;
        }

        write.Complete();
    }

    private sealed class QueuedWrite<T>(Func<T> work) : IQueuedWrite
    {
        private T? _result;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Run() => _result = work();

        public void Complete() => Done.TrySetResult(_result!);

        public void Fail(Exception ex) => Done.TrySetException(ex);
    }
}
