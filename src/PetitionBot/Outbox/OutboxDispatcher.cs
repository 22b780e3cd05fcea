using Microsoft.Extensions.Options;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using Polly;
using Polly.Retry;

namespace PetitionBot.Outbox;

/// <summary>Sends pending announcement deliveries through the adapters' ports: quick in-process retries (Polly) for
/// transient failures and short rate limits, then persisted backoff; a forbidden or vanished channel is disabled and
/// its admins told on their next command. A delivery is marked delivered right after the platform accepted it, and the
/// platforms' dedup key (Discord nonce) covers a crash between the two.</summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore outbox,
    IServerStore servers,
    AnnouncementTexts texts,
    ChatPlatforms platforms,
    DirectMessageDelivery direct,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ShortWait = TimeSpan.FromSeconds(5);
    private readonly ResiliencePipeline<PostOutcome> _retry = BuildPipeline(time);

    /// <summary>Sends everything due now, once; returns how many deliveries were attempted. Used by the loop and by tests.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        var due = await outbox.DueAsync(time.GetUtcNow(), 256, ct);
        if (due.Count == 0)
        {
            return 0;
        }

        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct },
            async (item, token) => await DeliverAsync(item, token));
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchDueAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(logger, ex);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(OutboxItem item, CancellationToken ct)
    {
        if (DirectTarget.TryGetSubscriptionId(item.Channel, out var subscriptionId))
        {
            await direct.DeliverAsync(item, subscriptionId, ct);
            return;
        }

        // Organizer alert channels may sit in a server the store has not seen; only a server known to be gone is skipped.
        var server = await servers.FindAsync(item.Channel.Workspace, ct);
        if (server is { Present: false })
        {
            await outbox.MarkFailedAsync(item.Id, "server left", ct);
            return;
        }

        if (server?.ChannelProblem is not null && server.AnnouncementChannelId == item.Channel.ChannelId)
        {
            await outbox.MarkFailedAsync(item.Id, "channel disabled", ct);
            return;
        }

        var platform = platforms.Find(item.Channel.Platform);
        if (platform is null)
        {
            await outbox.RetryLaterAsync(item.Id, time.GetUtcNow() + options.Value.MaxBackoff, "platform not running", ct);
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

        await RecordAsync(item, server, outcome, ct);
    }

    private async Task RecordAsync(OutboxItem item, ServerSettings? server, PostOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Core.Telemetry.BotMetrics.Deliveries.Add(1,
            new KeyValuePair<string, object?>("platform", item.Channel.Platform.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("outcome", outcome.Status.ToString().ToLowerInvariant()));
        switch (outcome.Status)
        {
            case PostStatus.Delivered:
                await outbox.MarkDeliveredAsync(item.Id, now, ct);
                LogDelivered(logger, item.Channel.Platform, item.Channel.ChannelId, item.Id);
                break;
            case PostStatus.ChannelGone or PostStatus.Forbidden:
                await outbox.MarkFailedAsync(item.Id, outcome.Status.ToString(), ct);
                var problem = outcome.Status == PostStatus.Forbidden ? "the bot lacks permission to post there" : "the channel no longer exists";
                if (server is not null && server.AnnouncementChannelId == item.Channel.ChannelId)
                {
                    await servers.SaveAsync(server with { ChannelProblem = problem, AdminNoticePending = true, UpdatedAt = now }, ct);
                }

                LogChannelDisabled(logger, item.Channel.Platform, outcome.Status);
                break;
            case PostStatus.Rejected:
                await outbox.MarkFailedAsync(item.Id, "rejected " + outcome.Detail, ct);
                LogRejected(logger, item.Channel.Platform, outcome.Detail);
                break;
            default:
                if (item.Attempts + 1 >= options.Value.MaxAttempts)
                {
                    await outbox.MarkFailedAsync(item.Id, "gave up: " + outcome.Status, ct);
                    LogGaveUp(logger, item.Channel.Platform, outcome.Status, item.Attempts + 1);
                    break;
                }

                var wait = outcome.RetryAfter ?? Backoff(item.Attempts);
                await outbox.RetryLaterAsync(item.Id, now + wait, outcome.Status.ToString(), ct);
                break;
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var o = options.Value;
        var exponential = o.BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempts, 20));
        var capped = Math.Min(exponential, o.MaxBackoff.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
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
