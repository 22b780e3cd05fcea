using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PetitionBot.Storage.Postgres;

/// <summary>Brings the schema up to date when the process starts (retrying while the database is unreachable; every
/// store call also waits for it), and on a clean stop gives back this process's outbox claims.</summary>
public sealed partial class PostgresStartup(PostgresDatabase db, ILogger<PostgresStartup> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await db.ReleaseLeasesAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await db.EnsureReadyAsync(stoppingToken);
                LogReady(logger);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogUnreachable(logger, ex.GetType().Name, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL store ready (schema up to date)")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL unreachable ({Error}); retrying in {Seconds} s")]
    private static partial void LogUnreachable(ILogger logger, string error, double seconds);
}
