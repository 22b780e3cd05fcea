using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Outbox;

/// <summary>Deletes expired flow drafts (they may hold a name typed into an unfinished sign-up).</summary>
public sealed partial class DraftJanitor(IDraftStore drafts, TimeProvider time, ILogger<DraftJanitor> logger) : PeriodicJanitor(time)
{
    protected override TimeSpan Interval { get; } = TimeSpan.FromMinutes(1);

    protected override Task RunOnceAsync(CancellationToken ct = default) => drafts.PurgeExpiredAsync(Time.GetUtcNow(), ct);

    protected override void OnFailed(Exception ex) => LogFailed(logger, ex);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "Purging expired drafts failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
