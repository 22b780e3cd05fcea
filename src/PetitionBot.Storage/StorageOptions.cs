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

    /// <summary>One line when the secret key file sits in the database's folder (the same volume, the same backup) and
    /// <see cref="SecretKey"/> is not used; null otherwise.</summary>
    public string? KeyBesideDatabaseWarning()
    {
        if (Provider != StorageProvider.LiteDb || !string.IsNullOrWhiteSpace(SecretKey) || string.IsNullOrWhiteSpace(Path) ||
            Path.AsSpan().IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            return null;
        }

        var keyFolder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(EffectiveKeyPath));
        var dbFolder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        return string.Equals(keyFolder, dbFolder, StringComparison.Ordinal)
            ? "Storage:KeyPath: the secret key file is in the database's folder, so one copy of that folder holds both; keep the key apart (Storage:SecretKey from the environment, or Storage:KeyPath on a mounted secret)"
            : null;
    }
}
