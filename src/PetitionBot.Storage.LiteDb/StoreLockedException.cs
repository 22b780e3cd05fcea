namespace PetitionBot.Storage.LiteDb;

/// <summary>The database file is held by another process (usually the running bot). Opening it beside that process
/// would silently lose writes, so the store refuses.</summary>
public sealed class StoreLockedException(string path, Exception? inner = null)
    : Exception($"The database {path} is in use by another PetitionBot process (is the bot running?). " +
                "Stop it first, or use the command in chat instead; the file was not opened.", inner)
{
    public string DatabasePath { get; } = path;
}
