using PetitionBot.Core.Pacing;

namespace PetitionBot.Discord.Gateway;

/// <summary>The 120 events per 60 s send limit of a connection; 3 slots are kept for heartbeats.</summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public const int ReservedForHeartbeats = 3;

    private readonly SlidingWindow _sent = new(TimeSpan.FromSeconds(60));
    private readonly Lock _gate = new();

    public async Task WaitAsync(bool heartbeat, CancellationToken ct = default)
    {
        var limit = heartbeat ? Limit : Limit - ReservedForHeartbeats;
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                if (_sent.TryTake(time.GetUtcNow(), limit, out wait) is not null)
                {
                    return;
                }
            }

            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }
}
