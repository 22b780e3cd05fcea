namespace PetitionBot.Storage.Postgres;

/// <summary>The outbox in PostgreSQL. <see cref="DueAsync"/> claims what it returns with a lease
/// (<c>FOR UPDATE SKIP LOCKED</c>): another process skips those items until this one marks them or its lease runs out
/// (a killed process), and then sends them with the same id, which is the platform nonce.</summary>
public sealed class PostgresOutboxStore(PostgresDatabase db, IOutboxSignal? signal = null) : IOutboxStore
{
    /// <summary>How long a claim keeps other processes off an item.</summary>
    public static TimeSpan Lease { get; } = TimeSpan.FromSeconds(30);

    private const string Columns = "id, announcement_id, platform, workspace_id, channel_id, state, attempts, next_attempt_ticks, last_error";

    public async Task<bool> EnqueueAsync(Announcement announcement, IReadOnlyList<ChannelRef> channels, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var added = await PgMilestones.InsertAsync(conn, tx, announcement, "a|" + announcement.Id, channels, ct);
        await tx.CommitAsync(ct);
        if (added)
        {
            signal?.Raise();
        }

        return added;
    }

    public Task<IReadOnlyList<OutboxItem>> DueAsync(DateTimeOffset now, int max, CancellationToken ct = default) =>
        ItemsAsync($"""
            WITH claimed AS (
                UPDATE outbox SET lease_owner = @me, lease_until_ticks = @until
                WHERE id IN (
                    SELECT id FROM outbox
                    WHERE state = 0 AND next_attempt_ticks <= @now
                      AND (lease_owner IS NULL OR lease_owner = @me OR lease_until_ticks <= @now)
                    ORDER BY next_attempt_ticks, seq LIMIT @max
                    FOR UPDATE SKIP LOCKED)
                RETURNING {Columns}, seq)
            SELECT {Columns} FROM claimed ORDER BY next_attempt_ticks, seq
            """,
            ct,
            ("me", db.InstanceId),
            ("until", (now + Lease).UtcTicks),
            ("now", now.UtcTicks),
            ("max", max));

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT min(CASE WHEN lease_owner IS NOT NULL AND lease_owner <> @me AND lease_until_ticks > next_attempt_ticks
                            THEN lease_until_ticks ELSE next_attempt_ticks END)
            FROM outbox WHERE state = 0
            """, conn);
        cmd.Parameters.AddWithValue("me", db.InstanceId);
        return await cmd.ExecuteScalarAsync(ct) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    public async Task<Announcement?> FindAnnouncementAsync(string id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT id, campaign_id, kind, milestone, school_key, title, text, created_at_ticks FROM announcements WHERE id = @id", conn);
        cmd.Parameters.AddWithValue("id", id);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
        {
            return null;
        }

        return new Announcement(r.GetString(0), r.GetString(1), (AnnouncementKind)r.GetInt32(2),
            r.IsDBNull(3) ? null : r.GetInt32(3), r.NullableString(4),
            r.NullableString(5), r.NullableString(6),
            new DateTimeOffset(r.GetInt64(7), TimeSpan.Zero));
    }

    public Task<int> PurgeTextAsync(DateTimeOffset before, CancellationToken ct = default) =>
        ExecAsync("""
            UPDATE announcements a SET title = NULL, text = @removed
            WHERE a.created_at_ticks < @before AND a.text IS DISTINCT FROM @removed
              AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.announcement_id = a.id AND o.state = 0)
            """, ct, ("before", before.UtcTicks), ("removed", Announcement.RemovedText));

    public Task SetTextAsync(string announcementId, string title, string text, CancellationToken ct = default) =>
        ExecAsync("UPDATE announcements SET title = @t, text = @x WHERE id = @id AND text IS NULL", ct, ("id", announcementId), ("t", title), ("x", text));

    public Task MarkDeliveredAsync(string itemId, DateTimeOffset at, CancellationToken ct = default) =>
        ExecAsync("UPDATE outbox SET state = 1, attempts = attempts + 1, last_error = NULL, lease_owner = NULL, lease_until_ticks = NULL WHERE id = @id", ct, ("id", itemId));

    public Task RetryLaterAsync(string itemId, DateTimeOffset next, string reason, CancellationToken ct = default) =>
        ExecAsync("UPDATE outbox SET attempts = attempts + 1, next_attempt_ticks = @next, last_error = @why, lease_owner = NULL, lease_until_ticks = NULL WHERE id = @id AND state = 0",
            ct, ("id", itemId), ("next", next.UtcTicks), ("why", reason));

    public Task MarkFailedAsync(string itemId, string reason, CancellationToken ct = default) =>
        ExecAsync("UPDATE outbox SET state = 2, attempts = attempts + 1, last_error = @why, lease_owner = NULL, lease_until_ticks = NULL WHERE id = @id",
            ct, ("id", itemId), ("why", reason));

    public async Task<int> PendingCountAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM outbox WHERE state = 0", conn);
        return (int)(long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public Task<IReadOnlyList<OutboxItem>> ListForAnnouncementAsync(string announcementId, CancellationToken ct = default) =>
        ItemsAsync($"SELECT {Columns} FROM outbox WHERE announcement_id = @a ORDER BY next_attempt_ticks, id COLLATE \"C\"", ct, ("a", announcementId));

    private Task<int> ExecAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        Sql.ExecAsync(db, sql, ct, parameters);

    /// <summary>The items <paramref name="sql"/> selects, in its order.</summary>
    private async Task<IReadOnlyList<OutboxItem>> ItemsAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        await Sql.QueryAsync(db, sql, ReadItem, ct, parameters);

    private static OutboxItem ReadItem(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        new ChannelRef((PlatformKind)r.GetInt32(2), r.GetString(3), r.GetString(4)),
        (OutboxState)r.GetInt32(5),
        r.GetInt32(6),
        new DateTimeOffset(r.GetInt64(7), TimeSpan.Zero),
        r.NullableString(8));
}
