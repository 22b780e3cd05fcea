using Microsoft.Extensions.Options;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Outbox;

/// <summary>Blanks announcement text older than <see cref="PrivacyOptions.UpdateTextRetentionDays"/> once it has been
/// delivered everywhere (the rows stay, so no delivery is ever repeated). Runs at start and then hourly.</summary>
public sealed partial class AnnouncementTextJanitor(
    IOutboxStore outbox,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<AnnouncementTextJanitor> logger) : PeriodicJanitor(time)
{
    protected override TimeSpan Interval { get; } = TimeSpan.FromHours(1);

    /// <summary>One pass: blanks what is past the retention period; returns how many announcements were blanked.</summary>
    public Task<int> PurgeOnceAsync(CancellationToken ct = default) =>
        outbox.PurgeTextAsync(Time.GetUtcNow() - TimeSpan.FromDays(options.Value.UpdateTextRetentionDays), ct);

    protected override async Task RunOnceAsync(CancellationToken ct = default) => LogPurged(logger, await PurgeOnceAsync(ct));

    protected override void OnFailed(Exception ex) => LogFailed(logger, ex);

    [LoggerMessage(EventId = 3110, Level = LogLevel.Debug, Message = "Blanked the text of {Count} announcements past the retention period")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Error, Message = "Blanking old announcement text failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
