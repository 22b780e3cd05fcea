using Microsoft.Extensions.Options;
using PetitionBot.Core.Announcements;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;

namespace PetitionBot.Outbox;

/// <summary>Sends one outbox item addressed to a subscription (<see cref="DirectTarget"/>): decrypts the user id only
/// now, posts through the platform's DM port, and records the outcome. A user who does not accept messages from the bot
/// (Discord 50007, Slack cannot_dm_bot) or no longer exists loses the subscription and is never tried again; rate limits
/// and transient failures are retried with the outbox's persisted backoff, up to its attempt limit.</summary>
public sealed partial class DirectMessageDelivery(
    IOutboxStore outbox,
    ISubscriptionStore subscriptions,
    AnnouncementTexts texts,
    DirectMessagePlatforms platforms,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<DirectMessageDelivery> logger)
{
    public async Task DeliverAsync(OutboxItem item, string subscriptionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var recipient = await subscriptions.RecipientAsync(subscriptionId, ct);
        if (recipient is null)
        {
            await outbox.MarkFailedAsync(item.Id, "subscription removed", ct);
            return;
        }

        var platform = platforms.Find(recipient.Platform);
        if (platform is null)
        {
            var wait = DeliveryPolicy.PlatformNotRunning(time.GetUtcNow(), options.Value.ToSchedule());
            await outbox.RetryLaterAsync(item.Id, wait.RetryAt ?? time.GetUtcNow(), wait.Reason ?? "", ct);
            return;
        }

        var text = await texts.GetAsync(item.AnnouncementId, ct);
        if (text is null)
        {
            await outbox.MarkFailedAsync(item.Id, "announcement missing", ct);
            return;
        }

        PostOutcome outcome;
        try
        {
            outcome = await platform.SendDirectAsync(recipient, new OutboundMessage(item.Id, text.Title, text.Text, text.Progress), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogSendThrew(logger, recipient.Platform, ex);
            outcome = new PostOutcome(PostStatus.Transient, Detail: ex.GetType().Name);
        }

        Core.Telemetry.BotMetrics.Deliveries.Add(1,
            new KeyValuePair<string, object?>("platform", recipient.Platform.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("outcome", outcome.Status.ToString().ToLowerInvariant()));
        var decision = DeliveryPolicy.AfterDirectSend(item, outcome, time.GetUtcNow(), options.Value.ToSchedule());
        switch (decision.Action)
        {
            case DeliveryAction.Delivered:
                await outbox.MarkDeliveredAsync(item.Id, time.GetUtcNow(), ct);
                LogSent(logger, recipient.Platform, item.Id);
                break;
            case DeliveryAction.DropSubscription:
                // The subscription goes first: once the item is no longer pending, the drop has happened (stopped in
                // between, the item is tried again and finds the subscription removed).
                await subscriptions.DropAsync(subscriptionId, ct);
                await outbox.MarkFailedAsync(item.Id, decision.Reason ?? "", ct);
                LogDropped(logger, recipient.Platform, outcome.Detail);
                break;
            case DeliveryAction.Retry:
                await outbox.RetryLaterAsync(item.Id, decision.RetryAt ?? time.GetUtcNow(), decision.Reason ?? "", ct);
                break;
            default:
                await outbox.MarkFailedAsync(item.Id, decision.Reason ?? "", ct);
                break;
        }
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Sending a private message through {Platform} threw; will retry")]
    private static partial void LogSendThrew(ILogger logger, Core.Model.PlatformKind platform, Exception ex);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Debug, Message = "Sent private message {ItemId} on {Platform}")]
    private static partial void LogSent(ILogger logger, Core.Model.PlatformKind platform, string itemId);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "A {Platform} user does not accept private messages from the bot ({Detail}); their notification opt-in was deleted")]
    private static partial void LogDropped(ILogger logger, Core.Model.PlatformKind platform, string? detail);
}
