namespace PetitionBot.Storage;

/// <summary>The <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    /// <summary>LiteDb (default) or Postgres.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>The PostgreSQL connection string (Npgsql keywords) when <see cref="Provider"/> is Postgres.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The LiteDB file. One process per file.</summary>
    public string Path { get; set; } = "data/petitionbot.db";

    /// <summary>Optional: encrypts the whole file (LiteDB AES).</summary>
    public string? Password { get; set; }

    /// <summary>The secret that keys identity hashes and encrypts drafts and tokens, kept outside the database file:
    /// base64 of 32 bytes. When empty, it is read from (or created at) <see cref="KeyPath"/>.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Where the secret key file lives; default: the database path with ".key" appended.</summary>
    public string? KeyPath { get; set; }

    public string EffectiveKeyPath => string.IsNullOrWhiteSpace(KeyPath) ? Path + ".key" : KeyPath;
}
