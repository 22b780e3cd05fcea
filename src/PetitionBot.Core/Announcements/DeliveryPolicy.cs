using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;

namespace PetitionBot.Core.Announcements;

/// <summary>What to do with a delivery: before posting (is its server or channel still there?) and with the platform's
/// answer (delivered; retry at a time; give up; disable a forbidden or vanished announcement channel and flag its admins;
/// drop a private-message opt-in the user refuses). Pure: the dispatcher carries the decision out.</summary>
public static class DeliveryPolicy
{
    /// <summary>A decision that makes posting pointless (server left, channel disabled), or null to post.</summary>
    public static DeliveryDecision? BeforePost(OutboxItem item, ServerSettings? server)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (server is { Present: false })
        {
            return new DeliveryDecision(DeliveryAction.Fail, "server left");
        }

        // Organizer alert channels may sit in a server the store has not seen; only a known problem channel is skipped.
        return server?.ChannelProblem is not null && server.AnnouncementChannelId == item.Channel.ChannelId
            ? new DeliveryDecision(DeliveryAction.Fail, "channel disabled")
            : null;
    }

    /// <summary>The platform the delivery is for is not running in this process: look again after the longest backoff.</summary>
    public static DeliveryDecision PlatformNotRunning(DateTimeOffset now, RetrySchedule schedule) =>
        new(DeliveryAction.Retry, "platform not running", now + schedule.MaxBackoff);

    /// <summary>The answer to a post in a channel. <paramref name="jitter"/> in [0, 1] spreads retries (the wait is
    /// between half and all of the exponential backoff).</summary>
    public static DeliveryDecision AfterPost(OutboxItem item, ServerSettings? server, PostOutcome outcome, DateTimeOffset now,
        RetrySchedule schedule, double jitter)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Status)
        {
            case PostStatus.Delivered:
                return DeliveryDecision.Delivered;
            case PostStatus.ChannelGone or PostStatus.Forbidden:
                var problem = outcome.Status == PostStatus.Forbidden ? "the bot lacks permission to post there" : "the channel no longer exists";
                return server is not null && server.AnnouncementChannelId == item.Channel.ChannelId
                    ? new DeliveryDecision(DeliveryAction.DisableChannel, outcome.Status.ToString(), ChannelProblem: problem)
                    : new DeliveryDecision(DeliveryAction.Fail, outcome.Status.ToString());
            case PostStatus.Rejected:
                return new DeliveryDecision(DeliveryAction.Fail, "rejected " + outcome.Detail);
            default:
                return RetryOrGiveUp(item, outcome, now, schedule, 0.5 + (Math.Clamp(jitter, 0, 1) / 2));
        }
    }

    /// <summary>The answer to a private message sent for a notification opt-in: a user who does not accept messages from
    /// the bot, or no longer exists, loses the opt-in.</summary>
    public static DeliveryDecision AfterDirectSend(OutboxItem item, PostOutcome outcome, DateTimeOffset now, RetrySchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            PostStatus.Delivered => DeliveryDecision.Delivered,
            PostStatus.Forbidden or PostStatus.ChannelGone => new DeliveryDecision(DeliveryAction.DropSubscription, "dm " + outcome.Status),
            PostStatus.Rejected => new DeliveryDecision(DeliveryAction.Fail, "rejected " + outcome.Detail),
            _ => RetryOrGiveUp(item, outcome, now, schedule, 1),
        };
    }

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: the base doubled per attempt, capped, times
    /// <paramref name="factor"/>.</summary>
    public static TimeSpan Backoff(int attempts, RetrySchedule schedule, double factor)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var exponential = schedule.BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempts, 20));
        return TimeSpan.FromMilliseconds(Math.Min(exponential, schedule.MaxBackoff.TotalMilliseconds) * factor);
    }

    private static DeliveryDecision RetryOrGiveUp(OutboxItem item, PostOutcome outcome, DateTimeOffset now, RetrySchedule schedule, double factor) =>
        item.Attempts + 1 >= schedule.MaxAttempts
            ? new DeliveryDecision(DeliveryAction.Fail, "gave up: " + outcome.Status)
            : new DeliveryDecision(DeliveryAction.Retry, outcome.Status.ToString(), now + (outcome.RetryAfter ?? Backoff(item.Attempts, schedule, factor)));
}
