using Microsoft.Extensions.Options;

namespace PetitionBot.Storage.Postgres;

/// <summary>The PostgreSQL database of this process: one pooled data source, the secret keys (the same key file or
/// <c>Storage:SecretKey</c> as the LiteDB store, so hashes match), and the schema brought up to date once, before the
/// first query (under an advisory lock, so processes starting together migrate once).</summary>
public sealed class PostgresDatabase : IAsyncDisposable, IDisposable
{
    private readonly Lock _gate = new();
    private Task? _ready;

    public PostgresDatabase(IOptions<StorageOptions> options)
        : this(options.Value)
    {
    }

    public PostgresDatabase(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("Storage:ConnectionString is required when Storage:Provider is Postgres.", nameof(options));
        }

        Keys = SecretKeys.Load(options);
        var builder = new NpgsqlDataSourceBuilder(PooledConnectionString(options.ConnectionString));
        DataSource = builder.Build();
        UnpooledConnectionString = WithoutGssProbe(options.ConnectionString, new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false }).ConnectionString;
        InstanceId = Environment.MachineName + ":" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ":" + Guid.NewGuid().ToString("N")[..8];
    }

    public SecretKeys Keys { get; }

    /// <summary>True when Npgsql accepts the connection string's keywords (checked without connecting).</summary>
    public static bool IsValidConnectionString(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Server connections one process keeps at most, unless <c>Storage:ConnectionString</c> names <c>Maximum Pool Size</c>.</summary>
    public const int DefaultMaxPoolSize = 10;

    /// <summary>The pooled connection string: the configured one, plus three defaults the configuration may override.
    /// <c>No Reset On Close</c>: a pooled connection is not reset when it goes back to the pool. The reset costs a
    /// statement (its own transaction) before the next command on that connection and drops the plans PostgreSQL cached
    /// for pb_sign; nothing here leaves session state on a pooled connection (no SET, no LISTEN, no temporary tables; the
    /// migration lock is released in a finally, role locks live on unpooled connections).
    /// <c>Max Auto Prepare</c>: a command text run five times on a connection becomes a prepared statement there (no parse or
    /// plan on the server afterwards); every statement names its columns, so a later migration adding one does not
    /// change a prepared statement's result.
    /// <c>Maximum Pool Size</c> <see cref="DefaultMaxPoolSize"/> (Npgsql's own default is 100): every signature updates its
    /// campaign's counter row, so transactions beyond a few per server core only wait on that row's lock and for the
    /// CPU, while the one holding it waits its turn too. Two processes at Npgsql's 100 each also fill a stock server
    /// (<c>max_connections</c> 100) and are then refused ("too many clients"). With 2 cores and two processes at 200
    /// sign flows/s, 100 per process collapsed (p99 7-9 s, a third of the flows failed); 10 per process held p99 at
    /// 28-199 ms, median 39, none failed (RESULTS.md). A remote database with a slow round trip may want more: the configuration says so.</summary>
    public static string PooledConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!Mentions(connectionString, "Maximum Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return WithoutGssProbe(connectionString, builder).ConnectionString;
    }

    /// <summary><c>Gss Encryption Mode=Disable</c> unless the configuration names it: Npgsql otherwise tries GSS
    /// (Kerberos) encryption first and, where the Kerberos library is not installed (the container image), writes an error
    /// line on every connection although the connection then works. A Kerberos deployment sets the key itself.</summary>
    private static NpgsqlConnectionStringBuilder WithoutGssProbe(string connectionString, NpgsqlConnectionStringBuilder builder)
    {
        if (!Mentions(connectionString, "Gss Encryption Mode", "GssEncryptionMode"))
        {
            builder.GssEncryptionMode = GssEncryptionMode.Disable;
        }

        return builder;
    }

    private static bool Mentions(string connectionString, params string[] keywords) =>
        connectionString.Split(';').Select(part => part.Split('=')[0].Trim())
            .Any(k => keywords.Any(w => string.Equals(k, w, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Names this process's claims (outbox leases): host, pid and a random suffix.</summary>
    public string InstanceId { get; }

    internal NpgsqlDataSource DataSource { get; }

    /// <summary>For sessions that must end with their connection (advisory locks held for a role).</summary>
    internal string UnpooledConnectionString { get; }

    /// <summary>Applies pending migrations once per process; a failed attempt (database down) is retried by the next call.</summary>
    public Task EnsureReadyAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_ready is null || _ready.IsFaulted || _ready.IsCanceled)
            {
                _ready = MigrateAsync();
            }

            return _ready.WaitAsync(ct);
        }
    }

    private async Task MigrateAsync()
    {
        await SchemaMigrator.MigrateAsync(DataSource, CancellationToken.None);
        await LegacyTokens.ReencryptAsync(DataSource, Keys, CancellationToken.None);
        await CountedOnlyUpgrade.RunAsync(DataSource, Keys, CancellationToken.None);
    }

    /// <summary>True when the database answers a trivial query.</summary>
    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            await using var cmd = DataSource.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(ct);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        await EnsureReadyAsync(ct);
        return await DataSource.OpenConnectionAsync(ct);
    }

    /// <summary>Gives back this process's outbox claims, so after a clean stop another process (or this one restarted)
    /// sends them at once instead of after the lease. False when the database could not be reached (the leases then expire).</summary>
    public async Task<bool> ReleaseLeasesAsync(CancellationToken ct = default)
    {
        try
        {
            await using var cmd = DataSource.CreateCommand("UPDATE outbox SET lease_owner = NULL, lease_until_ticks = NULL WHERE lease_owner = @me");
            cmd.Parameters.AddWithValue("me", InstanceId);
            await cmd.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public void Dispose() => DataSource.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (_ready is { IsCompletedSuccessfully: true })
        {
            await ReleaseLeasesAsync();
        }

        await DataSource.DisposeAsync();
    }
}
