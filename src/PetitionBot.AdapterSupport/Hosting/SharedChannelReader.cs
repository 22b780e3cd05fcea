using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace PetitionBot.AdapterSupport.Hosting;

/// <summary>Reading one channel from many workers. <see cref="ChannelReader{T}.ReadAllAsync"/> waits with
/// <c>WaitToReadAsync</c>, and a written item wakes every worker waiting that way: one takes it, the others wake,
/// allocate and wait again (with the Discord adapter's 64 workers, tens of wake-ups per interaction when the bot is not
/// busy). <see cref="TakeEachAsync{T}"/> waits with <c>ReadAsync</c>, which hands each item to one waiting worker.</summary>
public static class SharedChannelReader
{
    /// <summary>Each item, taken by this worker alone, until the channel is completed and empty (a channel completed with
    /// an error throws it, as <see cref="ChannelReader{T}.ReadAllAsync"/> does).</summary>
    public static async IAsyncEnumerable<T> TakeEachAsync<T>(this ChannelReader<T> reader, [EnumeratorCancellation] CancellationToken ct = default)
    {
        while (true)
        {
            T item;
            bool closed;
            try
            {
                item = await reader.ReadAsync(ct).ConfigureAwait(false);
                closed = false;
            }
            catch (ChannelClosedException)
            {
                item = default!;
                closed = true;
            }

            if (closed)
            {
                // Completed and empty: the completion's error, if any, is thrown here.
                await reader.Completion.ConfigureAwait(false);
                yield break;
            }

            yield return item;
        }
    }
}
