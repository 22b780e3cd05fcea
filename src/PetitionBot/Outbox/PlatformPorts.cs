using PetitionBot.Core.Model;

namespace PetitionBot.Outbox;

/// <summary>The running adapters' ports of one kind, by platform (the last one registered for a platform wins).</summary>
public abstract class PlatformPorts<TPort>(IEnumerable<TPort> ports, Func<TPort, PlatformKind> platformOf)
    where TPort : class
{
    private readonly Dictionary<PlatformKind, TPort> _byKind = ports.GroupBy(platformOf).ToDictionary(g => g.Key, g => g.Last());

    public TPort? Find(PlatformKind kind) => _byKind.GetValueOrDefault(kind);
}
