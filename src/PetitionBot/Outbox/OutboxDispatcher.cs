using Microsoft.Extensions.Options;
using PetitionBot.Core.Announcements;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using Polly;
using Polly.Retry;

namespace PetitionBot.Outbox;

/// <summary>Sends pending announcement deliveries through the adapters' ports: quick in-process retries (Polly) for
/// transient failures and short rate limits; then <see cref="DeliveryPolicy"/> decides (persisted backoff; a forbidden
/// or vanished channel is disabled and its admins told on their next command) and this carries it out. Deliveries run in
/// one lane per platform (<see cref="DeliveryLanes"/>) and the loop does not wait for a claim to finish before the next:
/// it wakes when this process writes an announcement (<see cref="OutboxSignal"/>), when deliveries end and more may be
/// due, when the next retry is due, and at the fallback poll. A delivery is marked delivered right after the platform accepted it, and the
/// platforms' dedup key (Discord nonce) covers a crash between the two.</summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore outbox,
    IServerStore servers,
    AnnouncementTexts texts,
    ChatPlatforms platforms,
    DirectMessageDelivery direct,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ShortWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(20);

    /// <summary>Deliveries claimed at once beyond those already running.</summary>
    internal const int ClaimSize = 256;

    private readonly ResiliencePipeline<PostOutcome> _retry = BuildPipeline(time);
    // A delivery that failed on an exception is left for the next poll rather than claimed again at once.
    private readonly DeliveryLanes _lanes = new(options.Value.Concurrency, options.Value.PollInterval, time);

    /// <summary>Starts everything due now and waits for it (a channel's later announcement after its earlier one);
    /// returns how many deliveries were attempted. Used by tests and tools; the service's loop starts claims without
    /// waiting for them.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        var attempted = 0;
        List<Task> started;
        do
        {
            started = await StartDueAsync(ct);
            await Task.WhenAll(started);
            attempted += started.Count;
        }
        while (started.Count > 0 && _lanes.LastClaimFull);

        return attempted;
    }

    /// <summary>Claims what is due and starts each delivery that is not running already in its platform's lane
    /// (<see cref="DeliveryLanes"/>), without waiting for any: Slack's posts never wait behind Discord's global limit,
    /// nor a new announcement behind the end of an earlier claim.</summary>
    private async Task<List<Task>> StartDueAsync(CancellationToken ct)
    {
        return await _lanes.ClaimAsync(ClaimSize, (max, token) => outbox.DueAsync(time.GetUtcNow(), max, token), DeliverAsync, Finished, ct);
    }

    /// <summary>Wakes the loop when a delivery's end may leave work to claim: nothing runs any more (the next retry's
    /// time is then looked up), or the last claim was full and a lane ran dry or half the claim is done. Not after a
    /// delivery that failed (the store threw): its item is still pending, and claiming again at once would retry it in a
    /// tight loop; the next announcement, retry or poll picks it up.</summary>
    private void Finished(DeliveryEnd end)
    {
        if (!end.Failed && (end.Running == 0 || (_lanes.LastClaimFull && (end.LaneLeft == 0 || end.Running == ClaimSize / 2))))
        {
            signal.Raise();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        var failuresSeen = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                running.RemoveAll(t => t.IsCompleted);
                foreach (var task in await StartDueAsync(stoppingToken))
                {
                    running.Add(ObserveAsync(task, stoppingToken));
                }

                // While deliveries run, their ends wake the loop (Finished); otherwise sleep until the next retry. After a
                // delivery failed (its item still pending and due), wait for the poll rather than retry it at once.
                var failures = _lanes.Failures;
                wait = _lanes.Running > 0 || failures != failuresSeen ? options.Value.PollInterval : await UntilNextDueAsync(stoppingToken);
                failuresSeen = failures;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
                wait = options.Value.PollInterval;
            }

            try
            {
                // Woken by this process's stores as soon as an announcement is written; the poll is the fallback for
                // announcements written by another process (PostgreSQL).
                await signal.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        // Stopping: the running deliveries were cancelled; let them record what they can before the host goes.
        await Task.WhenAll(running);
    }

    /// <summary>A delivery run by the loop: a failure is logged (the item stays pending and is claimed again).</summary>
    private async Task ObserveAsync(Task delivery, CancellationToken stoppingToken)
    {
        try
        {
            await delivery;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStoppedMidDelivery(logger);
        }
        catch (Exception ex)
        {
            LogLoopFailed(logger, ex);
        }
    }

    /// <summary>Until the next pending delivery is due (a retry, a spaced private message), at most the fallback poll.</summary>
    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken ct)
    {
        var poll = options.Value.PollInterval;
        if (await outbox.NextDueAsync(ct) is not { } next)
        {
            return poll;
        }

        var until = next - time.GetUtcNow();
        return until < MinimumWait ? MinimumWait : until < poll ? until : poll;
    }

    private async Task DeliverAsync(OutboxItem item, CancellationToken ct)
    {
        if (DirectTarget.TryGetSubscriptionId(item.Channel, out var subscriptionId))
        {
            await direct.DeliverAsync(item, subscriptionId, ct);
            return;
        }

        var server = await servers.FindAsync(item.Channel.Server, ct);
        if (DeliveryPolicy.BeforePost(item, server) is { } skip)
        {
            await ApplyAsync(item, server, skip, ct);
            return;
        }

        var platform = platforms.Find(item.Channel.Platform);
        if (platform is null)
        {
            await ApplyAsync(item, server, DeliveryPolicy.PlatformNotRunning(time.GetUtcNow(), options.Value.ToSchedule()), ct);
            return;
        }

        var text = await texts.GetAsync(item.AnnouncementId, ct);
        if (text is null)
        {
            await outbox.MarkFailedAsync(item.Id, "announcement missing", ct);
            return;
        }

        var message = new OutboundMessage(item.Id, text.Title, text.Text, text.Progress);
        PostOutcome outcome;
        try
        {
            outcome = await _retry.ExecuteAsync(async token => await platform.PostAsync(item.Channel, message, token), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogPostThrew(logger, item.Channel.Platform, ex);
            outcome = new PostOutcome(PostStatus.Transient, Detail: ex.GetType().Name);
        }

        Core.Telemetry.BotMetrics.Deliveries.Add(1,
            new KeyValuePair<string, object?>("platform", item.Channel.Platform.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("outcome", outcome.Status.ToString().ToLowerInvariant()));
        var decision = DeliveryPolicy.AfterPost(item, server, outcome, time.GetUtcNow(), options.Value.ToSchedule(), Random.Shared.NextDouble());
        await ApplyAsync(item, server, decision, ct);
        Log(item, outcome, decision);
    }

    /// <summary>Carries out the delivery policy's decision.</summary>
    private async Task ApplyAsync(OutboxItem item, ServerSettings? server, DeliveryDecision decision, CancellationToken ct)
    {
        switch (decision.Action)
        {
            case DeliveryAction.Delivered:
                await outbox.MarkDeliveredAsync(item.Id, time.GetUtcNow(), ct);
                break;
            case DeliveryAction.Retry:
                await outbox.RetryLaterAsync(item.Id, decision.RetryAt ?? time.GetUtcNow(), decision.Reason ?? "", ct);
                break;
            case DeliveryAction.DisableChannel when server is not null:
                await outbox.MarkFailedAsync(item.Id, decision.Reason ?? "", ct);
                await servers.SaveAsync(server with { ChannelProblem = decision.ChannelProblem, AdminNoticePending = true, UpdatedAt = time.GetUtcNow() }, ct);
                break;
            default:
                await outbox.MarkFailedAsync(item.Id, decision.Reason ?? "", ct);
                break;
        }
    }

    private void Log(OutboxItem item, PostOutcome outcome, DeliveryDecision decision)
    {
        switch (outcome.Status)
        {
            case PostStatus.Delivered:
                LogDelivered(logger, item.Channel.Platform, item.Channel.ChannelId, item.Id);
                break;
            case PostStatus.ChannelGone or PostStatus.Forbidden:
                LogChannelDisabled(logger, item.Channel.Platform, outcome.Status);
                break;
            case PostStatus.Rejected:
                LogRejected(logger, item.Channel.Platform, outcome.Detail);
                break;
            default:
                if (decision.Action == DeliveryAction.Fail)
                {
                    LogGaveUp(logger, item.Channel.Platform, outcome.Status, item.Attempts + 1);
                }

                break;
        }
    }

    private static ResiliencePipeline<PostOutcome> BuildPipeline(TimeProvider time) =>
        new ResiliencePipelineBuilder<PostOutcome> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<PostOutcome>
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(250),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome is { Result: { } r } &&
                    (r.Status == PostStatus.Transient || (r.Status == PostStatus.RateLimited && (r.RetryAfter ?? TimeSpan.Zero) <= ShortWait))),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome is { Result: { } r } ? r.RetryAfter : null),
            })
            .Build();

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "The outbox loop failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Stopping: a delivery was cancelled; it stays pending")]
    private static partial void LogStoppedMidDelivery(ILogger logger);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Posting through {Platform} threw; will retry")]
    private static partial void LogPostThrew(ILogger logger, Core.Model.PlatformKind platform, Exception ex);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Delivered outbox item {ItemId} to {Platform} channel {ChannelId}")]
    private static partial void LogDelivered(ILogger logger, Core.Model.PlatformKind platform, string channelId, string itemId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "An announcement channel on {Platform} answered {Status}: posting there is disabled until /setup")]
    private static partial void LogChannelDisabled(ILogger logger, Core.Model.PlatformKind platform, PostStatus status);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "{Platform} rejected an announcement ({Detail})")]
    private static partial void LogRejected(ILogger logger, Core.Model.PlatformKind platform, string? detail);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Gave up a delivery on {Platform} after {Attempts} attempts ({Status})")]
    private static partial void LogGaveUp(ILogger logger, Core.Model.PlatformKind platform, PostStatus status, int attempts);
}
