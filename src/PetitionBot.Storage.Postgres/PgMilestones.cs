using Npgsql;
using PetitionBot.Core.Flows;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.Postgres;

/// <summary>Records crossed milestones and their per-channel deliveries inside the signature's transaction. The
/// announcement's unique key makes each milestone announced once ever, however many processes sign at once.</summary>
internal static class PgMilestones
{
    public static async Task<List<Announcement>> RecordAsync(NpgsqlConnection conn, NpgsqlTransaction tx, StoredSignature s,
        int before, int after, int schoolAfter, MilestonePlan plan, DateTimeOffset now, CancellationToken ct)
    {
        var made = new List<Announcement>();
        foreach (var m in plan.Campaign.Where(m => before < m && m <= after).Distinct())
        {
            var a = new Announcement(DraftIds.New(), s.CampaignId, AnnouncementKind.CampaignMilestone, m, null, null, null, now);
            if (await InsertAsync(conn, tx, a, $"{s.CampaignId}|c|{m}", await TargetsAsync(conn, tx, s.CampaignId, null, ct), ct))
            {
                made.Add(a);
            }
        }

        var schoolBefore = schoolAfter - 1;
        foreach (var m in plan.School.Where(m => schoolBefore < m && m <= schoolAfter).Distinct())
        {
            var a = new Announcement(DraftIds.New(), s.CampaignId, AnnouncementKind.SchoolMilestone, m, s.SchoolKey, null, null, now);
            if (await InsertAsync(conn, tx, a, $"{s.CampaignId}|s|{s.SchoolKey}|{m}", await TargetsAsync(conn, tx, s.CampaignId, s.SchoolKey, ct), ct))
            {
                made.Add(a);
            }
        }

        return made;
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
                ("id", DraftIds.New()), ("a", a.Id), ("p", (int)channel.Platform), ("w", channel.WorkspaceId), ("ch", channel.ChannelId), ("at", a.CreatedAt.UtcTicks)));
        }

        await batch.ExecuteNonQueryAsync(ct);
        return true;
    }

    /// <summary>Announcement channels of present, healthy servers taking part in the campaign; for a school milestone,
    /// only that school's servers.</summary>
    private static async Task<List<ChannelRef>> TargetsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string campaignId, string? schoolKey, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT DISTINCT platform, workspace_id, announcement_channel_id FROM servers
            WHERE present AND announcement_channel_id IS NOT NULL AND channel_problem IS NULL
              AND (default_campaign_id IS NULL OR default_campaign_id = @c)
              AND (@any_school OR school_key = @s)
            """, conn, tx);
        cmd.Parameters.AddWithValue("c", campaignId);
        cmd.Parameters.AddWithValue("any_school", schoolKey is null);
        cmd.Parameters.AddWithValue("s", schoolKey ?? "");
        var list = new List<ChannelRef>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new ChannelRef((PlatformKind)reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        }

        return list;
    }
}
