using PetitionBot.Discord.Tests.Support;
using PetitionBot.Fakes.Discord;

namespace PetitionBot.Discord.Tests.Gateway;

/// <summary>The gateway's workers: each holds an interaction until its answer has reached Discord, so how many there are
/// bounds how many interactions wait on Discord's answer at once (its round trip, 50–150 ms from a real host).</summary>
public sealed class GatewayWorkerTests
{
    private const string Guild = "500000000000000001";

    [Fact]
    public async Task Workers_TwoHundredInteractionsWithSlowCallbacks_NoneWaitsForAFreeWorker()
    {
        // Discord answers every callback only after a delay: an interaction that found no free worker would have its
        // callback sent only after an earlier one was answered, that is after the delay.
        const int count = 200;
        var slowAnswer = TimeSpan.FromSeconds(3);
        await using var h = await DiscordHarness.StartAsync(new FakeDiscordOptions { HeartbeatIntervalMs = 60_000 });
        h.Server.SlowNext("POST", "interactions/", slowAnswer, times: count);

        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            ids.Add(await h.Server.SendInteractionAsync(FakeDiscordInteractions.SlashCommand(h.Server, Guild, $"6000000000000{i:D5}", "status")));
        }

        await FakeDiscordServer.WaitUntilAsync(() => ids.All(id => h.Server.CallbackLatency(id) is not null), "every callback answered",
            TimeSpan.FromSeconds(30));
        var slowest = ids.Max(id => h.Server.CallbackLatency(id)!.Value);
        Assert.True(slowest < slowAnswer, $"the last callback was sent {slowest.TotalMilliseconds:0} ms after its interaction: it waited for a worker");
    }
}
