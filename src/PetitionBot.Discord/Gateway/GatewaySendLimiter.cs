namespace PetitionBot.Discord.Gateway;

/// <summary>The 120 events per 60 s send limit of a connection; 3 slots are kept for heartbeats.</summary>
internal sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public const int ReservedForHeartbeats = 3;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<long> _sent = new();
    private readonly Lock _gate = new();

    public async Task WaitAsync(bool heartbeat, CancellationToken ct = default)
    {
        var limit = heartbeat ? Limit : Limit - ReservedForHeartbeats;
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetTimestamp();
                while (_sent.Count > 0 && time.GetElapsedTime(_sent.Peek(), now) >= Window)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < limit)
                {
                    _sent.Enqueue(now);
                    return;
                }

                wait = Window - time.GetElapsedTime(_sent.Peek(), now);
            }

            await Task.Delay(wait, time, ct).ConfigureAwait(false);
        }
    }
}
