namespace PetitionBot.Core.Ports;

/// <summary>Why the process is stopping: for good (the default: SIGTERM, Ctrl+C) or to start again at once (SIGHUP, see
/// the README's operations section). Adapters read it when they stop: the Discord gateway ends its session on a stop
/// for good and hands it to the next process on a restart.</summary>
public sealed class ShutdownIntent
{
    private volatile bool _restart;

    /// <summary>True once a restart was requested.</summary>
    public bool IsRestart => _restart;

    /// <summary>Marks this stop as a restart. Call before the host stops.</summary>
    public void RequestRestart() => _restart = true;
}
