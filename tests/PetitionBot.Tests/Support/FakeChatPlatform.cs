using System.Collections.Concurrent;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.Tests.Support;

/// <summary>A platform port that behaves like Discord with nonce + enforce_nonce: a repeated dedup key in a channel is
/// accepted but not posted twice. Channels can be made to answer a fixed status; a hook runs after each accepted post.</summary>
internal sealed class FakeChatPlatform(PlatformKind platform = PlatformKind.Discord) : IChatPlatform
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, OutboundMessage>> _posts = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private int _attempts;
    private int _mostAtOnce;

    public PlatformKind Platform => platform;

    public ConcurrentDictionary<string, PostOutcome> Answers { get; } = new();

    public Action<OutboundMessage>? AfterAccept { get; set; }

    /// <summary>While set and not completed, every post waits for it (a platform whose limits hold its posts back).</summary>
    public Task? Hold { get; set; }

    public int Attempts => _attempts;

    /// <summary>Every accepted post, in the order the posts were made: (channel, message text).</summary>
    public ConcurrentQueue<(string ChannelId, string Text)> Order { get; } = new();

    /// <summary>The most posts one channel had under way at once.</summary>
    public int MostAtOnceInAChannel => _mostAtOnce;

    public int PostsIn(string channelId) => _posts.TryGetValue(channelId, out var posts) ? posts.Count : 0;

    public IReadOnlyList<OutboundMessage> All => _posts.Values.SelectMany(p => p.Values).ToList();

    public async Task<PostOutcome> PostAsync(ChannelRef channel, OutboundMessage message, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _attempts);
        var atOnce = _inFlight.AddOrUpdate(channel.ChannelId, 1, (_, n) => n + 1);
        InterlockedMax(ref _mostAtOnce, atOnce);
        try
        {
            return await PostNowAsync(channel, message, ct);
        }
        finally
        {
            _inFlight.AddOrUpdate(channel.ChannelId, 0, (_, n) => n - 1);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    private async Task<PostOutcome> PostNowAsync(ChannelRef channel, OutboundMessage message, CancellationToken ct)
    {
        if (Hold is { } hold)
        {
            await hold.WaitAsync(ct);
        }

        if (Answers.TryGetValue(channel.ChannelId, out var answer))
        {
            return answer;
        }

        _posts.GetOrAdd(channel.ChannelId, _ => new()).TryAdd(message.DedupKey, message);
        Order.Enqueue((channel.ChannelId, message.Text));
        AfterAccept?.Invoke(message);
        return PostOutcome.Delivered;
    }
}
