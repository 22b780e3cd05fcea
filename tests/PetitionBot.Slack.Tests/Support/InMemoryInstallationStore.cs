using System.Collections.Concurrent;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;

namespace PetitionBot.Slack.Tests.Support;

/// <summary>A plain in-memory installation store.</summary>
public sealed class InMemoryInstallationStore : IInstallationStore
{
    private readonly ConcurrentDictionary<string, Installation> _items = new(StringComparer.Ordinal);

    public Task SaveAsync(Installation installation, CancellationToken ct = default)
    {
        _items[installation.Server.Key] = installation;
        return Task.CompletedTask;
    }

    public Task<Installation?> FindAsync(ServerRef server, CancellationToken ct = default) =>
        Task.FromResult(_items.TryGetValue(server.Key, out var i) ? i : null);

    public Task<IReadOnlyList<Installation>> ListAsync(PlatformKind platform, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Installation>>([.. _items.Values.Where(i => i.Server.Platform == platform)]);

    public Task<bool> RemoveAsync(ServerRef server, CancellationToken ct = default) =>
        Task.FromResult(_items.TryRemove(server.Key, out _));
}
