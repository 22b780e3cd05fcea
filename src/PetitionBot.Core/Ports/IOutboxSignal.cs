namespace PetitionBot.Core.Ports;

/// <summary>Wakes this process's outbox dispatcher: raised after an announcement or delivery is committed, so it is
/// sent now instead of at the next fallback poll. Raising is cheap and never blocks; raises while the dispatcher is
/// busy fold into one wake-up.</summary>
public interface IOutboxSignal
{
    void Raise();
}
