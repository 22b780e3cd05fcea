using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Ports;
using PetitionBot.Discord.Interactions;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Gateway;

/// <summary>The adapter's hosted service: registers commands, runs the gateway client and the workers.
/// No exception escapes it (that would stop the host): failures set the adapter status to Stopped.</summary>
internal sealed class DiscordGatewayService(
    GatewayClient gateway,
    CommandRegistrar registrar,
    DiscordEventHandler handler,
    DiscordAdapterStatus status,
    GatewayTimings timings,
    IOptions<DiscordOptions> options,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
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
            var workers = Enumerable.Range(0, timings.Workers).Select(_ => WorkAsync(queue.Reader, stoppingToken)).ToList();
            try
            {
                await gateway.RunAsync(queue.Writer, stoppingToken).ConfigureAwait(false);
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

    private async Task WorkAsync(ChannelReader<GatewayDispatch> reader, CancellationToken ct)
    {
        await foreach (var dispatch in reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            try
            {
                await handler.HandleAsync(dispatch, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.EventFailed(ex, dispatch.EventName);
            }
        }
    }
}
