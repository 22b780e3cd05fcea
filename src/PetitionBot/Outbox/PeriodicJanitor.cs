namespace PetitionBot.Outbox;

/// <summary>A background pass that runs at start and then every <see cref="Interval"/> until the host stops. A failed
/// pass is reported through <see cref="OnFailed"/> and the next one runs on time; stopping is never an error.</summary>
public abstract class PeriodicJanitor(TimeProvider time) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass of the janitor's work.</summary>
    protected abstract Task RunOnceAsync(CancellationToken ct = default);

    /// <summary>Logs a failed pass (each janitor has its own event id and message).</summary>
    protected abstract void OnFailed(Exception ex);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(Interval, Time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                OnFailed(ex);
                if (!await WaitAsync(stoppingToken))
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Interval, Time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
