using PetitionBot.Core.Ports;

namespace PetitionBot.Tests.Support;

/// <summary>An adapter health source the test sets by hand.</summary>
internal sealed class FakeAdapterStatus(string name) : IAdapterStatusSource
{
    public AdapterStatus Current { get; set; } = new(name, AdapterState.Connected, null, DateTimeOffset.UnixEpoch);
}
