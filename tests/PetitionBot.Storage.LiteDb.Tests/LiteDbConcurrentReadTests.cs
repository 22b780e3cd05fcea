using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>Reads run outside the write gate, on any thread, while a write transaction is open: the first write of a
/// collection must not be one of them (LiteDB 5 puts a new collection in the shared header before its transaction
/// commits, and a reader that follows it finds no collection page and closes the whole database).</summary>
public sealed class LiteDbConcurrentReadTests
{
    [Fact]
    public async Task ListAsync_DuringFirstWritesOfAFreshStore_DatabaseStaysOpen()
    {
        for (var round = 0; round < 10; round++)
        {
            using var store = new TempStore();
            using var stop = new CancellationTokenSource();
            using var reading = new CountdownEvent(2);
            var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                var reads = 0;
                while (!stop.IsCancellationRequested)
                {
                    await store.Servers.ListAsync();
                    await store.Installations.ListAsync(PlatformKind.Slack);
                    if (reads++ == 0)
                    {
                        reading.Signal();
                    }
                }

                return reads;
            })).ToList();

            Assert.True(reading.Wait(TimeSpan.FromSeconds(10)), "the readers did not start");
            for (var i = 0; i < 10; i++)
            {
                await store.Servers.SaveAsync(new ServerSettings(new ServerRef(PlatformKind.Discord, $"50000000000000{i:D4}")) { Name = $"School {i}" });
                await store.Installations.SaveAsync(new Installation(new ServerRef(PlatformKind.Slack, $"T{i:D6}"), $"xoxb-{i}", "U0BOT", $"Workspace {i}", TempStore.T0));
            }

            await stop.CancelAsync();
            var reads = await Task.WhenAll(readers);

            Assert.All(reads, r => Assert.True(r > 0));
            Assert.Equal(10, (await store.Servers.ListAsync()).Count);
            Assert.Equal(10, (await store.Installations.ListAsync(PlatformKind.Slack)).Count);
        }
    }
}
