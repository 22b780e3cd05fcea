using System.Collections.Concurrent;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.Tests.Support;

/// <summary>A platform port that behaves like Discord with nonce + enforce_nonce: a repeated dedup key in a channel is
/// accepted but not posted twice. Channels can be made to answer a fixed status; a hook runs after each accepted post.</summary>
internal sealed class FakeChatPlatform(PlatformKind platform = PlatformKind.Discord) : IChatPlatform
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, OutboundMessage>> _posts = new();
    private int _attempts;

    public PlatformKind Platform => platform;

    public ConcurrentDictionary<string, PostOutcome> Answers { get; } = new();

    public Action<OutboundMessage>? AfterAccept { get; set; }

    /// <summary>While set and not completed, every post waits for it (a platform whose limits hold its posts back).</summary>
    public Task? Hold { get; set; }

    public int Attempts => _attempts;

    public int PostsIn(string channelId) => _posts.TryGetValue(channelId, out var posts) ? posts.Count : 0;

    public IReadOnlyList<OutboundMessage> All => _posts.Values.SelectMany(p => p.Values).ToList();

    public async Task<PostOutcome> PostAsync(ChannelRef channel, OutboundMessage message, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _attempts);
        if (Hold is { } hold)
        {
            await hold.WaitAsync(ct);
        }

        if (Answers.TryGetValue(channel.ChannelId, out var answer))
        {
            return answer;
        }

        _posts.GetOrAdd(channel.ChannelId, _ => new()).TryAdd(message.DedupKey, message);
        AfterAccept?.Invoke(message);
        return PostOutcome.Delivered;
    }
}
