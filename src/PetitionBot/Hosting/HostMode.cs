namespace PetitionBot.Hosting;

/// <summary>What the process runs as.</summary>
public enum HostMode
{
    /// <summary>The bot: chat adapters, outbox, HTTP listener.</summary>
    Bot = 0,

    /// <summary>The local console (no chat platform).</summary>
    Console = 1,

    /// <summary>A one-shot CLI verb (totals, export): the store and the core only.</summary>
    Cli = 2,
}
