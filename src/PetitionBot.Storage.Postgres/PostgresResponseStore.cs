namespace PetitionBot.Storage.Postgres;

/// <summary>Responses in PostgreSQL, each saved with its announcement and one delivery per announcement channel in one
/// transaction; the announcement's unique key (campaign|r|response id) makes it recorded and announced once.</summary>
public sealed class PostgresResponseStore(PostgresDatabase db, IOutboxSignal? signal = null) : IResponseStore
{
    public async Task<int?> AddAsync(RecipientResponse response, Announcement announcement, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(announcement);
        await using var conn = await db.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var targets = await PgMilestones.TargetsAsync(conn, tx, response.CampaignId, schoolKey: null, ct);

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
        if (targets.Count > 0)
        {
            signal?.Raise();
        }

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
