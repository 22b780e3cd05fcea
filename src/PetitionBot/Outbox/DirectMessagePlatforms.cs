using PetitionBot.Core.Ports;

namespace PetitionBot.Outbox;

/// <summary>The running adapters' private-message ports, by platform.</summary>
public sealed class DirectMessagePlatforms(IEnumerable<IDirectMessagePlatform> platforms)
    : PlatformPorts<IDirectMessagePlatform>(platforms, p => p.Platform);
