namespace PetitionBot.Storage.Postgres;

/// <summary>Per-workspace bot tokens, encrypted with the key kept outside the database.</summary>
public sealed class PostgresInstallationStore(PostgresDatabase db) : IInstallationStore
{
    private const string Columns = "platform, workspace_id, token_cipher, bot_user_id, workspace_name, installed_at_ticks";

    public Task SaveAsync(Installation installation, CancellationToken ct = default) =>
        Sql.ExecAsync(db, $"""
            INSERT INTO installations (id, {Columns}) VALUES (@id, @p, @w, @token, @bot, @name, @at)
            ON CONFLICT (id) DO UPDATE SET token_cipher = EXCLUDED.token_cipher, bot_user_id = EXCLUDED.bot_user_id,
                workspace_name = EXCLUDED.workspace_name, installed_at_ticks = EXCLUDED.installed_at_ticks
            """,
            ct,
            ("id", installation.Server.Key),
            ("p", (int)installation.Server.Platform),
            ("w", installation.Server.ServerId),
            ("token", db.Keys.EncryptToken(installation.AccessToken)),
            ("bot", installation.BotUserId),
            ("name", installation.ServerName),
            ("at", installation.InstalledAt.UtcTicks));

    public async Task<Installation?> FindAsync(ServerRef server, CancellationToken ct = default) =>
        (await Sql.QueryAsync(db, $"SELECT {Columns} FROM installations WHERE id = @id", Read, ct, ("id", server.Key))).SingleOrDefault();

    public async Task<IReadOnlyList<Installation>> ListAsync(PlatformKind platform, CancellationToken ct = default) =>
        await Sql.QueryAsync(db, $"SELECT {Columns} FROM installations WHERE platform = @p ORDER BY id", Read, ct, ("p", (int)platform));

    public async Task<bool> RemoveAsync(ServerRef server, CancellationToken ct = default) =>
        await Sql.ExecAsync(db, "DELETE FROM installations WHERE id = @id", ct, ("id", server.Key)) > 0;

    private Installation Read(NpgsqlDataReader r) => new(
        new ServerRef((PlatformKind)r.GetInt32(0), r.GetString(1)),
        db.Keys.DecryptToken(r.GetFieldValue<byte[]>(2), out _),
        r.NullableString(3),
        r.NullableString(4),
        new DateTimeOffset(r.GetInt64(5), TimeSpan.Zero));
}
