namespace PetitionBot.Storage.Postgres;

/// <summary>The audit log. The actor is kept as a keyed hash under the audit actors' own key (no signature, draft or
/// email hash of the same person equals it); migration 0007 removed the actors written under the identity key.</summary>
public sealed class PostgresAuditLog(PostgresDatabase db) : IAuditLog
{
    private const string Columns = "action, platform, workspace_id, actor_hash, detail, at_ticks";

    public Task AppendAsync(AuditEntry entry, CancellationToken ct = default) =>
        Sql.ExecAsync(db, """
            INSERT INTO audit (action, action_key, platform, workspace_id, actor_hash, detail, at_ticks)
            VALUES (@action, @key, @p, @w, @actor, @detail, @at)
            """,
            ct,
            ("action", entry.Action),
            ("key", entry.Action + "|" + (entry.Server?.Key ?? "")),
            ("p", entry.Server is null ? null : (int)entry.Server.Platform),
            ("w", entry.Server?.ServerId),
            ("actor", db.Keys.HashAuditActor(entry.ActorKey)),
            ("detail", entry.Detail),
            ("at", entry.At.UtcTicks));

    public async Task<int> CountSinceAsync(string action, ServerRef server, DateTimeOffset since, CancellationToken ct = default) =>
        (await Sql.QueryAsync(db, "SELECT count(*) FROM audit WHERE action_key = @key AND at_ticks >= @since", r => (int)r.GetInt64(0),
            ct, ("key", action + "|" + server.Key), ("since", since.UtcTicks)))[0];

    public async Task<IReadOnlyList<DateTimeOffset>> TimesSinceAsync(string action, ServerRef server, DateTimeOffset since, CancellationToken ct = default) =>
        await Sql.QueryAsync(db, "SELECT at_ticks FROM audit WHERE action_key = @key AND at_ticks >= @since ORDER BY at_ticks",
            r => new DateTimeOffset(r.GetInt64(0), TimeSpan.Zero), ct, ("key", action + "|" + server.Key), ("since", since.UtcTicks));

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int max, CancellationToken ct = default) =>
        await Sql.QueryAsync(db, $"SELECT {Columns} FROM audit ORDER BY id DESC LIMIT @max", ToEntry, ct, ("max", max));

    public async Task<IReadOnlyList<AuditEntry>> FindByActorAsync(string actorKey, CancellationToken ct = default) =>
        await Sql.QueryAsync(db, $"SELECT {Columns} FROM audit WHERE actor_hash = @actor ORDER BY id", ToEntry, ct,
            ("actor", db.Keys.HashAuditActor(actorKey)));

    public Task<int> ForgetActorAsync(string actorKey, CancellationToken ct = default) =>
        Sql.ExecAsync(db, "UPDATE audit SET actor_hash = NULL WHERE actor_hash = @actor", ct, ("actor", db.Keys.HashAuditActor(actorKey)));

    private static AuditEntry ToEntry(Npgsql.NpgsqlDataReader r) => new(
        r.GetString(0),
        r.IsDBNull(1) ? null : new ServerRef((PlatformKind)r.GetInt32(1), r.NullableString(2) ?? ""),
        r.NullableString(3) ?? "",
        r.GetString(4),
        new DateTimeOffset(r.GetInt64(5), TimeSpan.Zero));
}
