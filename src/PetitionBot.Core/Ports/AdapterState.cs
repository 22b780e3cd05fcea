namespace PetitionBot.Core.Ports;

/// <summary>The lifecycle state of a chat adapter, reported on /healthz.</summary>
public enum AdapterState
{
    Starting = 0,
    Connected = 1,
    Reconnecting = 2,

    /// <summary>Stopped for good (bad token, disabled link, …): <see cref="AdapterStatus.Reason"/> says why.</summary>
    Stopped = 3,
}
