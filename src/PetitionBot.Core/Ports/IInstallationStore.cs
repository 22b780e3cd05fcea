using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

/// <summary>Per-workspace bot credentials (Slack's "Add to Slack" installs).</summary>
public interface IInstallationStore
{
    Task SaveAsync(Installation installation, CancellationToken ct = default);

    Task<Installation?> FindAsync(ServerRef server, CancellationToken ct = default);

    Task<IReadOnlyList<Installation>> ListAsync(PlatformKind platform, CancellationToken ct = default);

    Task<bool> RemoveAsync(ServerRef server, CancellationToken ct = default);
}
