using PetitionBot.Core.Storage;

namespace PetitionBot.Outbox;

/// <summary>Deletes expired flow drafts (they may hold a name typed into an unfinished sign-up).</summary>
public sealed partial class DraftJanitor(IDraftStore drafts, TimeProvider time, ILogger<DraftJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await drafts.PurgeExpiredAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "Purging expired drafts failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
