using PetitionBot.Core.Ports;

namespace PetitionBot.Outbox;

/// <summary>The running adapters' outbound ports, by platform.</summary>
public sealed class ChatPlatforms(IEnumerable<IChatPlatform> platforms) : PlatformPorts<IChatPlatform>(platforms, p => p.Platform);
