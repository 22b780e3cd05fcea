using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Ports;

namespace PetitionBot.Outbox;

/// <summary>Deletes notification opt-ins (and the encrypted user ids they hold) once their campaign closed more than 30
/// days ago: by the expiry stored with each, and by the campaign's current close date (which may have moved).</summary>
public sealed partial class SubscriptionJanitor(ISubscriptionStore subscriptions, CampaignDirectory campaigns, TimeProvider time,
    ILogger<SubscriptionJanitor> logger) : PeriodicJanitor(time)
{
    protected override TimeSpan Interval { get; } = TimeSpan.FromHours(1);

    /// <summary>One purge now; returns how many opt-ins were deleted. Used by the loop and by tests.</summary>
    public Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var now = Time.GetUtcNow();
        var ended = campaigns.All.Where(c => c.ClosesAt is { } closes && closes + NotificationFlow.KeepAfterClose <= now).Select(c => c.Id).ToList();
        return subscriptions.PurgeAsync(now, ended, ct);
    }

    protected override Task RunOnceAsync(CancellationToken ct = default) => PurgeAsync(ct);

    protected override void OnFailed(Exception ex) => LogFailed(logger, ex);

    [LoggerMessage(EventId = 3120, Level = LogLevel.Error, Message = "Purging expired notification opt-ins failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
