using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.Outbox;

/// <summary>The running adapters' private-message ports, by platform.</summary>
public sealed class DirectMessagePlatforms(IEnumerable<IDirectMessagePlatform> platforms)
{
    private readonly Dictionary<PlatformKind, IDirectMessagePlatform> _byKind = platforms.GroupBy(p => p.Platform).ToDictionary(g => g.Key, g => g.Last());

    public IDirectMessagePlatform? Find(PlatformKind kind) => _byKind.GetValueOrDefault(kind);
}
