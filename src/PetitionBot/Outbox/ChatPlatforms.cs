using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.Outbox;

/// <summary>The running adapters' outbound ports, by platform.</summary>
public sealed class ChatPlatforms(IEnumerable<IChatPlatform> platforms)
{
    private readonly Dictionary<PlatformKind, IChatPlatform> _byKind = platforms.GroupBy(p => p.Platform).ToDictionary(g => g.Key, g => g.Last());

    public IChatPlatform? Find(PlatformKind kind) => _byKind.GetValueOrDefault(kind);
}
