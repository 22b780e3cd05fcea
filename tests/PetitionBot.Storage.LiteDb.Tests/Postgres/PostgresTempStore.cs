using System.Security.Cryptography;
using System.Text;
using Npgsql;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.Postgres;

namespace PetitionBot.Storage.LiteDb.Tests;

/// <summary>A fresh database on the test PostgreSQL server, with every store over it. Dropped on dispose.</summary>
public sealed class PostgresTempStore : StoreUnderTest
{
    private PostgresDatabase _db;

    private PostgresTempStore(StorageOptions options)
    {
        Options = options;
        _db = new PostgresDatabase(options);
    }

    public StorageOptions Options { get; }

    public PostgresDatabase Database => _db;

    public override ISignatureStore Signatures => new PostgresSignatureStore(_db);

    public override IDraftStore Drafts => new PostgresDraftStore(_db);

    public override IServerStore Servers => new PostgresServerStore(_db);

    public override IOutboxStore Outbox => new PostgresOutboxStore(_db);

    public override IAuditLog Audit => new PostgresAuditLog(_db);

    public override IInstallationStore Installations => new PostgresInstallationStore(_db);

    public override IEmailVerificationStore Emails => new PostgresEmailVerificationStore(_db);

    public override IResponseStore Responses => new PostgresResponseStore(_db);

    public override ISchoolMaintenance Schools => new PostgresSchoolMaintenance(_db);
    public override ISubscriptionStore Subscriptions => new PostgresSubscriptionStore(_db);

    public override SecretKeys Keys => _db.Keys;

    public override IHandledKeys NewHandledKeys(TimeProvider time) =>
        new PostgresHandledKeys(_db, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresHandledKeys>.Instance);

    public static async Task<PostgresTempStore> CreateAsync(string? secretKey = null)
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.Postgres,
            ConnectionString = await TestPostgres.CreateDatabaseAsync(),
            SecretKey = secretKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        var store = new PostgresTempStore(options);
        await store._db.EnsureReadyAsync();
        return store;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    /// <summary>Every value of every table (bytea as its raw bytes): what the database holds, as its users see it.</summary>
    public override async Task<byte[]> StoredBytesAsync()
    {
        var bytes = new List<byte>();
        await using var conn = await _db.DataSource.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                tables.Add(r.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var cmd = new NpgsqlCommand($"SELECT * FROM {table}", conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    var value = r.GetValue(i);
                    bytes.AddRange(value is byte[] raw ? raw : Encoding.UTF8.GetBytes(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    bytes.Add((byte)'\n');
                }
            }
        }

        return [.. bytes];
    }

    public override async Task<IReadOnlyDictionary<string, string>> StoredValuesAsync()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var conn = await _db.DataSource.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                tables.Add(r.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            var text = new StringBuilder();
            await using var cmd = new NpgsqlCommand($"SELECT * FROM {table}", conn);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    var value = r.GetValue(i);
                    text.Append(value is byte[] raw ? Convert.ToBase64String(raw) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                }
            }

            values[table] = text.ToString();
        }

        return values;
    }

    public override async Task<IOutboxStore> RestartAsync()
    {
        await _db.DisposeAsync();
        _db = new PostgresDatabase(Options);
        return new PostgresOutboxStore(_db);
    }

    public override async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(Options.ConnectionString!);
    }
}
