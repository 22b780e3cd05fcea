using Microsoft.Extensions.Logging;
using PetitionBot.Core.Telemetry;

namespace PetitionBot.Slack.SocketMode;

/// <summary>Handles one envelope taken from the queue: acknowledged exactly once (by the read loop before it was queued,
/// or by the handler, or by a safety timer just after Slack:AckBudget, or at the end), a redelivered envelope (same envelope id or trigger id) only
/// acknowledged, a failing handler logged and counted. Past the host's shutdown timeout an envelope is left
/// unacknowledged, so Slack delivers it again.</summary>
internal sealed class SocketModeEnvelopeWorker(
    ISlackEnvelopeHandler handler,
    IHandledKeys seen,
    SlackOptions options,
    TimeProvider time,
    ILogger logger)
{
    public async Task ProcessAsync(QueuedEnvelope item, CancellationToken ct = default)
    {
        if (ct.IsCancellationRequested)
        {
            // The shutdown timeout ran out before this envelope's turn: leave it unacknowledged so Slack delivers it again.
            SlackLog.EnvelopeNotTaken(logger);
            return;
        }

        var envelope = item.Envelope;
        // Acknowledged by the read loop already: the handler's own ack (and the safety ack) are no-ops.
        var ack = item.Acked
            ? await AlreadySentAsync().ConfigureAwait(false)
            : item.Ack ?? new SlackAck(payload =>
            {
                RecordAck(envelope, time);
                return item.Connection.AckAsync(envelope.Id, payload);
            });
        var budget = envelope.ReceivedAt + options.AckBudget + TimeSpan.FromMilliseconds(300) - time.GetUtcNow();
        using var safety = time.CreateTimer(static state => _ = ((SlackAck)state!).SendAsync(), ack, budget > TimeSpan.Zero ? budget : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        try
        {
            var firstById = await seen.FirstTimeAsync("slack:e:" + envelope.Id, ct).ConfigureAwait(false);
            var firstByTrigger = envelope.TriggerId is not { } trigger || await seen.FirstTimeAsync("slack:t:" + trigger, ct).ConfigureAwait(false);
            if (!firstById || !firstByTrigger)
            {
                SlackLog.DuplicateEnvelope(logger, envelope.Id, envelope.RetryAttempt);
                CountInteraction(envelope.Type, "duplicate");
                return;
            }

            await handler.HandleAsync(envelope, ack, ct).ConfigureAwait(false);
            CountInteraction(envelope.Type, "ok");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            SlackLog.HandlerFailed(logger, ex, envelope.Type);
            CountInteraction(envelope.Type, "failed");
        }
        finally
        {
            await ack.SendAsync().ConfigureAwait(false);
            item.Backstop?.Dispose();
        }
    }

    /// <summary>Ack latency (envelope read → ack sent), the histogram the benchmark and /metrics report.</summary>
    public static void RecordAck(SlackEnvelope envelope, TimeProvider time) =>
        BotMetrics.AckLatency.Record((time.GetUtcNow() - envelope.ReceivedAt).TotalSeconds, new KeyValuePair<string, object?>("platform", "slack"));

    private static async Task<SlackAck> AlreadySentAsync()
    {
        var ack = new SlackAck(static _ => Task.CompletedTask);
        await ack.SendAsync().ConfigureAwait(false);
        return ack;
    }

    private static void CountInteraction(string? type, string outcome) =>
        BotMetrics.Interactions.Add(1,
            new KeyValuePair<string, object?>("platform", "slack"),
            new KeyValuePair<string, object?>("kind", type switch
            {
                "slash_commands" => "command",
                "interactive" => "interactive",
                "events_api" => "event",
                _ => "other",
            }),
            new KeyValuePair<string, object?>("outcome", outcome));
}
