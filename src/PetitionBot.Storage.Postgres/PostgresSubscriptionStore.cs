using NpgsqlTypes;

namespace PetitionBot.Storage.Postgres;

/// <summary>Notification opt-ins in PostgreSQL (migration 0009). A notice, its announcement's unique key and one
/// delivery per subscriber are written in one transaction, so each subscriber gets each event once, whichever process
/// records it.</summary>
public sealed class PostgresSubscriptionStore(PostgresDatabase db, IOutboxSignal? signal = null) : ISubscriptionStore
{
    private const string Columns = "id, campaign_id, platform, created_at_ticks, expires_at_ticks";

    public async Task<bool> AddAsync(NewSubscription subscription, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = Sql.Command(conn, """
            INSERT INTO subscriptions (id, campaign_id, owner_hash, platform, workspace_id, user_cipher, created_at_ticks, expires_at_ticks)
            VALUES (@id, @c, @owner, @p, @w, @cipher, @at, @expires) ON CONFLICT (campaign_id, owner_hash) DO NOTHING
            """,
            ("id", RandomIds.New()), ("c", subscription.CampaignId), ("owner", db.Keys.HashSubscriber(subscription.IdentityKey)),
            ("p", (int)subscription.Platform), ("w", subscription.ServerId), ("cipher", db.Keys.EncryptSubscriber(subscription.UserId)),
            ("at", subscription.CreatedAt.UtcTicks));
        cmd.Parameters.Add(new NpgsqlParameter("expires", NpgsqlDbType.Bigint) { Value = (object?)subscription.ExpiresAt?.UtcTicks ?? DBNull.Value });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<Subscription>> FindAllAsync(string identityKey, CancellationToken ct = default) =>
        await Sql.QueryAsync(db, $"SELECT {Columns} FROM subscriptions WHERE owner_hash = @owner ORDER BY created_at_ticks, id", Read, ct,
            ("owner", db.Keys.HashSubscriber(identityKey)));

    public async Task<bool> RemoveAsync(string campaignId, string identityKey, CancellationToken ct = default) =>
        await Sql.ExecAsync(db, "DELETE FROM subscriptions WHERE campaign_id = @c AND owner_hash = @owner", ct,
            ("c", campaignId), ("owner", db.Keys.HashSubscriber(identityKey))) > 0;

    public Task<int> RemoveAllAsync(string identityKey, CancellationToken ct = default) =>
        Sql.ExecAsync(db, "DELETE FROM subscriptions WHERE owner_hash = @owner", ct, ("owner", db.Keys.HashSubscriber(identityKey)));

    public async Task<int?> NotifyAsync(Announcement notice, string uniqueKey, TimeSpan spacing, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        await using var conn = await db.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (!await PgMilestones.InsertAsync(conn, tx, notice, uniqueKey, [], ct))
        {
            return null;
        }

        var targets = new List<ChannelRef>();
        await using (var cmd = Sql.Command(conn, "SELECT id, platform, workspace_id FROM subscriptions WHERE campaign_id = @c ORDER BY created_at_ticks, id",
                         ("c", notice.CampaignId)))
        {
            cmd.Transaction = tx;
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                targets.Add(DirectTarget.For((PlatformKind)r.GetInt32(1), r.GetString(2), r.GetString(0)));
            }
        }

        if (targets.Count > 0)
        {
            await using var batch = new NpgsqlBatch(conn, tx);
            foreach (var (target, due) in DirectSchedule.Spread(targets, notice.CreatedAt, spacing))
            {
                batch.BatchCommands.Add(PgAggregates.Command(
                    "INSERT INTO outbox (id, announcement_id, platform, workspace_id, channel_id, state, attempts, next_attempt_ticks) VALUES (@id, @a, @p, @w, @ch, 0, 0, @at)",
                    ("id", RandomIds.New()), ("a", notice.Id), ("p", (int)target.Platform), ("w", target.ServerId), ("ch", target.ChannelId), ("at", due.UtcTicks)));
            }

            await batch.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        if (targets.Count > 0)
        {
            signal?.Raise();
        }

        return targets.Count;
    }

    public async Task<DirectRecipient?> RecipientAsync(string subscriptionId, CancellationToken ct = default)
    {
        var rows = await Sql.QueryAsync(db, "SELECT id, platform, workspace_id, user_cipher FROM subscriptions WHERE id = @id",
            r => new DirectRecipient(r.GetString(0), (PlatformKind)r.GetInt32(1), r.GetString(2), db.Keys.DecryptSubscriber((byte[])r.GetValue(3))),
            ct, ("id", subscriptionId));
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<bool> DropAsync(string subscriptionId, CancellationToken ct = default) =>
        await Sql.ExecAsync(db, "DELETE FROM subscriptions WHERE id = @id", ct, ("id", subscriptionId)) > 0;

    public Task<int> PurgeAsync(DateTimeOffset now, IReadOnlyCollection<string> endedCampaignIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(endedCampaignIds);
        return Sql.ExecAsync(db, "DELETE FROM subscriptions WHERE (expires_at_ticks IS NOT NULL AND expires_at_ticks <= @now) OR campaign_id = ANY(@ended)", ct,
            ("now", now.UtcTicks), ("ended", endedCampaignIds.ToArray()));
    }

    private static Subscription Read(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), (PlatformKind)r.GetInt32(2),
        new DateTimeOffset(r.GetInt64(3), TimeSpan.Zero), r.IsDBNull(4) ? null : new DateTimeOffset(r.GetInt64(4), TimeSpan.Zero));
}
