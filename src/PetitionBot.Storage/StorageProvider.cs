namespace PetitionBot.Storage;

/// <summary>Which store holds the data (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>The embedded default: one file, one process.</summary>
    LiteDb = 0,

    /// <summary>A PostgreSQL database (<c>Storage:ConnectionString</c>), shared by one or more bot processes.</summary>
    Postgres = 1,
}
