using System.Collections.Concurrent;
using System.Threading.Channels;
using PetitionBot.AdapterSupport.Hosting;

namespace PetitionBot.Tests.AdapterSupport;

/// <summary>Many workers on one channel, as the Discord gateway's and Slack Socket Mode's workers read their queues.</summary>
public sealed class SharedChannelReaderTests
{
    [Fact]
    public async Task TakeEachAsync_EightWorkersTwoHundredItems_EachItemTakenOnceThenAllEnd()
    {
        var channel = Channel.CreateBounded<int>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.Wait, SingleWriter = true });
        var taken = new ConcurrentBag<(int Worker, int Item)>();
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            await foreach (var item in channel.Reader.TakeEachAsync())
            {
                taken.Add((w, item));
                await Task.Yield();
            }
        })).ToList();

        for (var i = 0; i < 200; i++)
        {
            await channel.Writer.WriteAsync(i);
            if (i % 10 == 0)
            {
                await Task.Delay(1);
            }
        }

        channel.Writer.Complete();
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Enumerable.Range(0, 200), taken.Select(t => t.Item).Order());
        Assert.True(taken.Select(t => t.Worker).Distinct().Count() > 1, "one worker took every item");
    }

    [Fact]
    public async Task TakeEachAsync_CompletedWithError_ItemsFirstThenThatError()
    {
        var channel = Channel.CreateUnbounded<string>();
        await channel.Writer.WriteAsync("first");
        channel.Writer.Complete(new InvalidOperationException("the read loop failed"));
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in channel.Reader.TakeEachAsync())
            {
                seen.Add(item);
            }
        });

        Assert.Equal(["first"], seen);
        Assert.Equal("the read loop failed", error.Message);
    }

    [Fact]
    public async Task TakeEachAsync_WaitingWhenCancelled_ThrowsOperationCanceled()
    {
        var channel = Channel.CreateUnbounded<int>();
        using var cts = new CancellationTokenSource();
        var worker = Task.Run(async () =>
        {
            await foreach (var unused in channel.Reader.TakeEachAsync(cts.Token))
            {
                Assert.Fail("nothing was written");
            }
        });

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => worker.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
