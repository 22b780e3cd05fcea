using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.AdapterSupport.Hosting;
using PetitionBot.Discord.Interactions;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Gateway;

/// <summary>The adapter's hosted service: registers commands, runs the gateway client and the workers.
/// No exception escapes it (that would stop the host): failures set the adapter status to Stopped.
/// Stopping takes no new events (the gateway closes) but lets the workers finish every event already received, so
/// an interaction in flight still gets its answer; only the host's shutdown timeout cuts that short.</summary>
internal sealed class DiscordGatewayService(
    IGatewayClient gateway,
    CommandRegistrar registrar,
    DiscordEventHandler handler,
    DiscordAdapterStatus status,
    GatewayTimings timings,
    ShutdownIntent shutdown,
    IOptions<DiscordOptions> options,
    ILogger<DiscordGatewayService> logger,
    IExclusiveRoles roles) : DrainingBackgroundService
{
    /// <summary>The role that guards the gateway session: one process at a time holds it.</summary>
    public const string GatewayRole = "discord-gateway";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            logger.Starting(DiscordInvite.Url(options.Value.ApplicationId));
            if (!await registrar.RegisterAsync(stoppingToken).ConfigureAwait(false))
            {
                const string reason = "authentication failed (HTTP 401 registering commands): check Discord:Token";
                status.Set(AdapterState.Stopped, reason);
                logger.Stopped(reason);
                return;
            }

            var queue = Channel.CreateBounded<GatewayDispatch>(new BoundedChannelOptions(timings.QueueCapacity)
            {
                FullMode = BoundedChannelFullMode.Wait,
                SingleWriter = true,
            });
            var workers = Enumerable.Range(0, timings.Workers).Select(_ => WorkAsync(queue.Reader, Abandoned)).ToList();
            using var stopping = stoppingToken.Register(() =>
            {
                logger.Stopping(shutdown.IsRestart);
                status.Set(AdapterState.Stopped, "host stopping");
            });
            try
            {
                await RunWhileHoldingAsync(queue.Writer, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                queue.Writer.TryComplete();
                await Task.WhenAll(workers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            status.Set(AdapterState.Stopped, "host stopping");
        }
        catch (Exception ex)
        {
            logger.Unexpected(ex);
            status.Set(AdapterState.Stopped, "unexpected error: " + ex.GetType().Name);
        }
    }

    /// <summary>Runs the gateway while this process holds <see cref="GatewayRole"/>; when the hold is lost (its store
    /// session failed), stops the gateway and waits to hold it again.</summary>
    private async Task RunWhileHoldingAsync(ChannelWriter<GatewayDispatch> events, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (roles.Held.Count == 0)
            {
                status.Set(AdapterState.Starting, "standby: waiting for the gateway session");
            }

            await using var hold = await roles.AcquireAsync(GatewayRole, stoppingToken).ConfigureAwait(false);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, hold.Lost);
            try
            {
                await gateway.RunAsync(events, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (hold.Lost.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
            {
                status.Set(AdapterState.Reconnecting, "gateway session hold lost");
                continue;
            }

            if (!hold.Lost.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Takes events until the queue is completed and empty; <paramref name="abandon"/> (the shutdown timeout)
    /// is the only thing that cuts a handler short.</summary>
    private async Task WorkAsync(ChannelReader<GatewayDispatch> reader, CancellationToken abandon)
    {
        await foreach (var dispatch in reader.TakeEachAsync(abandon).ConfigureAwait(false))
        {
            try
            {
                await handler.HandleAsync(dispatch, abandon).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !abandon.IsCancellationRequested)
            {
                logger.EventFailed(ex, dispatch.EventName);
            }
        }
    }
}
