using PetitionBot.Core.Announcements;

namespace PetitionBot.Storage.Postgres;

/// <summary>Writes an announcement with its per-channel deliveries inside the caller's transaction; the channels are
/// chosen by <see cref="AnnouncementTargets"/> from the servers as that transaction sees them.</summary>
internal static class PgMilestones
{
    /// <summary>The channels an announcement of this campaign (and school, for a school milestone) goes to.</summary>
    public static async Task<IReadOnlyList<ChannelRef>> TargetsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string campaignId, string? schoolKey,
        CancellationToken ct)
    {
        var servers = new List<ServerSettings>();
        await using var cmd = new NpgsqlCommand($"SELECT {PostgresServerStore.Columns} FROM servers WHERE announcement_channel_id IS NOT NULL", conn, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            servers.Add(PostgresServerStore.Read(r));
        }

        return AnnouncementTargets.Select(servers, campaignId, schoolKey);
    }

    /// <summary>Inserts the announcement unless its unique key exists, with one pending delivery per channel.
    /// Returns false when the key existed (nothing written).</summary>
    public static async Task<bool> InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Announcement a, string uniqueKey,
        IReadOnlyList<ChannelRef> channels, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Insert(a, uniqueKey, channels));
        await using var r = await batch.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct);
    }

    /// <summary>One statement that inserts the announcement unless its unique key exists and, only if it did, one pending
    /// delivery per channel, due as <see cref="AnnouncementOrder"/> says (outbox_order holds the last announcement's due
    /// time); it returns the announcement's id when it was written and no row when the key existed.</summary>
    public static NpgsqlBatchCommand Insert(Announcement a, string uniqueKey, IReadOnlyList<ChannelRef> channels)
    {
        var targets = channels.Distinct().ToList();
        var cmd = new NpgsqlBatchCommand("""
            WITH a AS (
                INSERT INTO announcements (id, unique_key, campaign_id, kind, milestone, school_key, title, text, created_at_ticks)
                VALUES (@id, @key, @c, @kind, @m, @school, @title, @text, @at) ON CONFLICT (unique_key) DO NOTHING
                RETURNING id),
            o AS (
                UPDATE outbox_order SET last_ticks = GREATEST(@at, LEAST(last_ticks, @at + @shift))
                WHERE cardinality(@ids) > 0 AND EXISTS (SELECT 1 FROM a)
                RETURNING last_ticks),
            d AS (
                INSERT INTO outbox (id, announcement_id, platform, workspace_id, channel_id, state, attempts, next_attempt_ticks)
                SELECT t.id, a.id, t.platform, t.workspace, t.channel, 0, 0, o.last_ticks
                FROM a, o, unnest(@ids, @platforms, @workspaces, @channels) WITH ORDINALITY AS t(id, platform, workspace, channel, n)
                ORDER BY t.n)
            SELECT id FROM a
            """);
        var p = cmd.Parameters;
        p.AddWithValue("id", a.Id);
        p.AddWithValue("key", uniqueKey);
        p.AddWithValue("c", a.CampaignId);
        p.AddWithValue("kind", (int)a.Kind);
        p.AddWithValue("m", NpgsqlTypes.NpgsqlDbType.Integer, (object?)a.Milestone ?? DBNull.Value);
        p.AddWithValue("school", NpgsqlTypes.NpgsqlDbType.Text, (object?)a.SchoolKey ?? DBNull.Value);
        p.AddWithValue("title", NpgsqlTypes.NpgsqlDbType.Text, (object?)a.Title ?? DBNull.Value);
        p.AddWithValue("text", NpgsqlTypes.NpgsqlDbType.Text, (object?)a.Text ?? DBNull.Value);
        p.AddWithValue("at", a.CreatedAt.UtcTicks);
        p.AddWithValue("shift", AnnouncementOrder.MostShift.Ticks);
        p.AddWithValue("ids", targets.Select(_ => RandomIds.New()).ToArray());
        p.AddWithValue("platforms", targets.Select(t => (int)t.Platform).ToArray());
        p.AddWithValue("workspaces", targets.Select(t => t.ServerId).ToArray());
        p.AddWithValue("channels", targets.Select(t => t.ChannelId).ToArray());
        return cmd;
    }
}
