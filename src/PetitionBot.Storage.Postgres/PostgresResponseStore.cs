using Npgsql;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Storage.Postgres;

/// <summary>Responses in PostgreSQL, each saved with its announcement and one delivery per announcement channel in one
/// transaction; the announcement's unique key (campaign|r|response id) makes it recorded and announced once.</summary>
public sealed class PostgresResponseStore(PostgresDatabase db) : IResponseStore
{
    public async Task<int?> AddAsync(RecipientResponse response, Announcement announcement, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(announcement);
        await using var conn = await db.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var targets = new List<ChannelRef>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT DISTINCT platform, workspace_id, announcement_channel_id FROM servers
            WHERE present AND announcement_channel_id IS NOT NULL AND channel_problem IS NULL
              AND (default_campaign_id IS NULL OR default_campaign_id = @c)
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("c", response.CampaignId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                targets.Add(new ChannelRef((PlatformKind)r.GetInt32(0), r.GetString(1), r.GetString(2)));
            }
        }

        if (!await PgMilestones.InsertAsync(conn, tx, announcement, $"{response.CampaignId}|r|{response.Id}", targets, ct))
        {
            return null;
        }

        await using (var cmd = Sql.Command(conn, """
            INSERT INTO responses (id, campaign_id, recipient, responded_on_day, text, link, recorded_at_ticks)
            VALUES (@id, @c, @who, @day, @text, @link, @at)
            """,
            ("id", response.Id), ("c", response.CampaignId), ("who", response.Recipient), ("day", response.RespondedOn.DayNumber),
            ("text", response.Text), ("link", response.Link), ("at", response.RecordedAt.UtcTicks)))
        {
            cmd.Transaction = tx;
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return targets.Count;
    }

    public async Task<IReadOnlyList<RecipientResponse>> ListAsync(string campaignId, CancellationToken ct = default) =>
        await Sql.QueryAsync(db, """
            SELECT id, campaign_id, recipient, responded_on_day, text, link, recorded_at_ticks FROM responses
            WHERE campaign_id = @c ORDER BY responded_on_day DESC, recorded_at_ticks DESC
            """,
            r => new RecipientResponse(r.GetString(0), r.GetString(1), r.GetString(2), DateOnly.FromDayNumber(r.GetInt32(3)),
                r.NullableString(4), r.NullableString(5), new DateTimeOffset(r.GetInt64(6), TimeSpan.Zero)),
            ct, ("c", campaignId));
}
