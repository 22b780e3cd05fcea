namespace PetitionBot.Core.Ports;

/// <summary>Interaction ids, envelope ids and trigger ids already taken in, so an event delivered twice (a retry, or
/// to two processes) is acted on once. One process: memory; several processes: the shared store.</summary>
public interface IHandledKeys
{
    /// <summary>True the first time <paramref name="key"/> is offered (by any process sharing the store); false for a repeat.</summary>
    Task<bool> FirstTimeAsync(string key, CancellationToken ct = default);
}
