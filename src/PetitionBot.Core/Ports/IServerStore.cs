using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

public interface IServerStore
{
    Task<ServerSettings?> FindAsync(ServerRef server, CancellationToken ct = default);

    Task SaveAsync(ServerSettings settings, CancellationToken ct = default);

    Task<IReadOnlyList<ServerSettings>> ListAsync(CancellationToken ct = default);
}
