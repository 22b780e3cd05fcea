using System.Diagnostics;

namespace PetitionBot.Benchmarks.Support;

/// <summary>Offers flows at a steady rate: flow k starts at k / rate seconds, on its own task, for a new user in one of
/// the first <c>guilds</c> guilds, whether or not the earlier ones are done (an open loop, as signers arrive).</summary>
internal static class RateDriver
{
    /// <summary>Offers <paramref name="rate"/> × <paramref name="duration"/> runs of <paramref name="flow"/> (guild id,
    /// user id) and waits for all of them. Returns each flow's outcome and how long offering them took.</summary>
    public static async Task<(bool[] Outcomes, TimeSpan OfferedFor)> OfferAsync(DiscordRig rig, int rate, TimeSpan duration, int guilds,
        Func<string, string, Task<bool>> flow)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var tasks = new List<Task<bool>>(count);
        var sw = Stopwatch.StartNew();
        for (var k = 0; k < count; k++)
        {
            var wait = TimeSpan.FromSeconds((double)k / rate) - sw.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var guild = DiscordRig.GuildId(k % guilds);
            var user = rig.NewUser();
            tasks.Add(Task.Run(() => flow(guild, user)));
        }

        var offeredFor = sw.Elapsed;
        return (await Task.WhenAll(tasks), offeredFor);
    }
}
