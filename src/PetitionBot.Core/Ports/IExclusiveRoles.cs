namespace PetitionBot.Core.Ports;

/// <summary>Roles only one process at a time may hold (the Discord gateway session). One process: always granted;
/// several processes on one store: a lock in the store, taken over when its holder dies.</summary>
public interface IExclusiveRoles
{
    /// <summary>Waits until this process holds <paramref name="role"/>; dispose the result to give it up.</summary>
    Task<IExclusiveRole> AcquireAsync(string role, CancellationToken ct = default);

    /// <summary>The roles this process holds now (for /healthz).</summary>
    IReadOnlyCollection<string> Held { get; }
}
