using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PetitionBot.Slack.WebApi;

/// <summary>Paces requests per team and method tier, and chat.postMessage per channel (≈1/s: one message of a channel in
/// flight at a time, the next sent a second after the previous one was answered); on 429 blocks the
/// method (and channel) for Retry-After so the next callers wait instead of hammering. The 429 itself is returned
/// to the caller, who decides whether to retry (the outbox does, with the given delay).</summary>
internal sealed class SlackRateLimitHandler(SlackPacer pacer, TimeProvider time, IOptions<SlackOptions> options, ILogger<SlackRateLimitHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(SlackRequestContext.Key, out var ctx))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var team = ctx.TeamId ?? "-";
        var methodKey = $"{team}|{ctx.Method}";
        var channelKey = ctx.Method == "chat.postMessage" && ctx.ChannelId is not null ? $"{team}|#{ctx.ChannelId}" : null;
        var gate = channelKey is null ? null : pacer.GateFor(channelKey);
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            // Both reservations and the wait count from one reading of the clock: a wait added to a later reading would
            // send that much too late (a clock that moved between the two readings).
            var now = time.GetUtcNow();
            var wait = TimeSpan.Zero;
            if (SlackMethodTiers.PerMinute(ctx.Method) is { } perMinute)
            {
                wait = options.Value.MethodPacing
                    ? pacer.ReserveInWindow(methodKey, perMinute, SlackMethodTiers.Window, now)
                    : pacer.Reserve(methodKey, TimeSpan.Zero, 1, now);
            }

            if (channelKey is not null)
            {
                var channelWait = pacer.Reserve(channelKey, SlackMethodTiers.PerChannelInterval, 1, now);
                wait = channelWait > wait ? channelWait : wait;
            }

            if (ctx.MaxPacingWait is { } most && wait > most)
            {
                // Waiting would outlast the call's use (a trigger_id's 3 s): try now; Slack allows bursts within a tier.
                SlackLog.PacingSkipped(logger, ctx.Method, wait);
                wait = TimeSpan.Zero;
            }

            if (wait > TimeSpan.Zero)
            {
                await WaitUntilAsync(now + wait, cancellationToken).ConfigureAwait(false);
            }

            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (channelKey is not null)
            {
                pacer.HoldFromNow(channelKey, SlackMethodTiers.PerChannelInterval);
            }

            if ((int)response.StatusCode == 429)
            {
                var retryAfter = RetryAfterOf(response);
                SlackLog.RateLimited(logger, ctx.Method, retryAfter);
                pacer.Block(channelKey ?? methodKey, retryAfter);
            }

            return response;
        }
        finally
        {
            gate?.Release();
        }
    }

    /// <summary>A timer can fire up to a millisecond or two early (whole milliseconds, tick granularity); a message sent that
    /// early lands inside the previous one's second and draws a 429 with a whole second of Retry-After. So wait again for
    /// what is left, rounded up.</summary>
    private async Task WaitUntilAsync(DateTimeOffset until, CancellationToken ct)
    {
        for (var left = until - time.GetUtcNow(); left > TimeSpan.Zero; left = until - time.GetUtcNow())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), time, ct).ConfigureAwait(false);
        }
    }

    internal static TimeSpan RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? Max(date - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1)) : TimeSpan.FromSeconds(1);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
