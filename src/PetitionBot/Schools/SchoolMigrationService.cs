using System.Data.Common;
using PetitionBot.Core.Ports;

namespace PetitionBot.Schools;

/// <summary>At start, before the adapters: gives every signature and server written before the school directory (or
/// typed while its school was missing from it) a school id, through the store's <see cref="ISchoolMaintenance"/> (LiteDB
/// or PostgreSQL; same resolution as the sign flow; what does not resolve becomes "Other"), and rebuilds the school
/// totals. When the database cannot be reached at start (PostgreSQL down), the bot starts anyway and the migration
/// retries in the background until it has run once.</summary>
internal sealed partial class SchoolMigrationService(
    ISchoolMaintenance maintenance,
    ISchoolDirectory directory,
    ILogger<SchoolMigrationService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _retry = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryMigrateAsync(cancellationToken))
        {
            _retry = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retry.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(2);
        try
        {
            do
            {
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
            }
            while (!await TryMigrateAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the next start runs the migration again.
        }
    }

    /// <summary>False when the store could not be reached (a transient database error: try again later); other failures
    /// are real errors and stop the start.</summary>
    private async Task<bool> TryMigrateAsync(CancellationToken ct)
    {
        try
        {
            var migrated = await maintenance.MigrateAsync(directory, ct);
            if (migrated > 0)
            {
                LogMigrated(migrated);
            }

            return true;
        }
        catch (Exception ex) when ((ex is DbException { IsTransient: true } or TimeoutException) && !ct.IsCancellationRequested)
        {
            LogUnreachable(ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave {Count} stored signatures a school id from the school directory")]
    private partial void LogMigrated(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The school-id migration could not reach the store ({Error}); retrying in the background")]
    private partial void LogUnreachable(string error);
}
