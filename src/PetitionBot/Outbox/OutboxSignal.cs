using PetitionBot.Core.Ports;

namespace PetitionBot.Outbox;

/// <summary>The in-process <see cref="IOutboxSignal"/>: a semaphore that holds at most one pending wake-up, so any number
/// of raises while the dispatcher works fold into one more pass.</summary>
public sealed class OutboxSignal : IOutboxSignal, IDisposable
{
    private readonly SemaphoreSlim _raised = new(0, 1);

    public void Raise()
    {
        try
        {
            _raised.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending: this raise is folded into it.
        }
    }

    /// <summary>Waits for a raise or <paramref name="timeout"/> (on <paramref name="time"/>), whichever comes first; true
    /// when raised.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct = default)
    {
        var capped = TimeSpan.FromMilliseconds(Math.Clamp(timeout.TotalMilliseconds, 0, int.MaxValue));
        using var timer = new CancellationTokenSource(capped, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await _raised.WaitAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _raised.Dispose();
}
