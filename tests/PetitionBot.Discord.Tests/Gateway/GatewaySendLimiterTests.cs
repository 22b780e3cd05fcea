using Microsoft.Extensions.Time.Testing;
using PetitionBot.Discord.Gateway;

namespace PetitionBot.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    [Fact]
    public async Task WaitAsync_117EventsInAMinute_NextWaitsButHeartbeatPasses()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < GatewaySendLimiter.Limit - GatewaySendLimiter.ReservedForHeartbeats; i++)
        {
            Assert.True(limiter.WaitAsync(heartbeat: false).IsCompletedSuccessfully);
        }

        var blocked = limiter.WaitAsync(heartbeat: false);
        var heartbeat = limiter.WaitAsync(heartbeat: true);

        Assert.False(blocked.IsCompleted);
        Assert.True(heartbeat.IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromSeconds(60));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
