using Microsoft.Extensions.Hosting;

namespace PetitionBot.AdapterSupport.Hosting;

/// <summary>A hosted service that drains on stop: the stopping token (passed to <c>ExecuteAsync</c>) means "take no new
/// work", while <see cref="Abandoned"/> is cancelled only when the host gives up waiting (HostOptions.ShutdownTimeout),
/// the upper bound of the drain. Work already taken runs with <see cref="Abandoned"/>, so it finishes unless that
/// timeout runs out.</summary>
public abstract class DrainingBackgroundService : BackgroundService
{
    private readonly CancellationTokenSource _abandon = new();

    /// <summary>Cancelled only when the host's shutdown timeout runs out.</summary>
    protected CancellationToken Abandoned => _abandon.Token;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var giveUp = cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abandon);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }
}
