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
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO announcements (id, unique_key, campaign_id, kind, milestone, school_key, title, text, created_at_ticks)
            VALUES (@id, @key, @c, @kind, @m, @school, @title, @text, @at) ON CONFLICT (unique_key) DO NOTHING
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("id", a.Id);
            cmd.Parameters.AddWithValue("key", uniqueKey);
            cmd.Parameters.AddWithValue("c", a.CampaignId);
            cmd.Parameters.AddWithValue("kind", (int)a.Kind);
            cmd.Parameters.AddWithValue("m", (object?)a.Milestone ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer;
            cmd.Parameters.AddWithValue("school", (object?)a.SchoolKey ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
            cmd.Parameters.AddWithValue("title", (object?)a.Title ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
            cmd.Parameters.AddWithValue("text", (object?)a.Text ?? DBNull.Value).NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
            cmd.Parameters.AddWithValue("at", a.CreatedAt.UtcTicks);
            if (await cmd.ExecuteNonQueryAsync(ct) == 0)
            {
                return false;
            }
        }

        var targets = channels.Distinct().ToList();
        if (targets.Count == 0)
        {
            return true;
        }

        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var channel in targets)
        {
            batch.BatchCommands.Add(PgAggregates.Command(
                "INSERT INTO outbox (id, announcement_id, platform, workspace_id, channel_id, state, attempts, next_attempt_ticks) VALUES (@id, @a, @p, @w, @ch, 0, 0, @at)",
                ("id", RandomIds.New()), ("a", a.Id), ("p", (int)channel.Platform), ("w", channel.WorkspaceId), ("ch", channel.ChannelId), ("at", a.CreatedAt.UtcTicks)));
        }

        await batch.ExecuteNonQueryAsync(ct);
        return true;
    }
}
