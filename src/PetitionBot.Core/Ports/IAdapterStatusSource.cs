namespace PetitionBot.Core.Ports;

/// <summary>Implemented by each running adapter (registered in DI as this interface) so the host can report health.</summary>
public interface IAdapterStatusSource
{
    AdapterStatus Current { get; }
}
