namespace PetitionBot.Storage.Postgres;

/// <summary>Email-verification bookkeeping in PostgreSQL, the same rules as the LiteDB store: code sends counted per
/// person and per address (two unlinked rows, each a keyed hash under the email key, purged after an hour; the count
/// and insert run under transaction advisory locks on both subjects, so two processes cannot both pass the limit), and
/// signatures found or withdrawn by their verified address's hash.</summary>
public sealed class PostgresEmailVerificationStore(PostgresDatabase db) : IEmailVerificationStore
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly PostgresSignatureStore _signatures = new(db);

    public async Task<bool> TryCountSendAsync(string identityKey, string address, DateTimeOffset now, int maxPerHour, FlowDraft? attempt = null,
        CancellationToken ct = default)
    {
        var (person, mailbox) = db.Keys.EmailSendSubjects(identityKey, address);
        await using var conn = await db.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(hashtextextended(s, 0)) FROM unnest(ARRAY[@a, @b]) AS s ORDER BY s;
            DELETE FROM email_sends WHERE at_ticks <= @since;
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("a", person);
            cmd.Parameters.AddWithValue("b", mailbox);
            cmd.Parameters.AddWithValue("since", (now - Window).UtcTicks);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await using (var cmd = new NpgsqlCommand("SELECT count(*) FILTER (WHERE subject = @a), count(*) FILTER (WHERE subject = @b) FROM email_sends WHERE subject IN (@a, @b)", conn, tx))
        {
            cmd.Parameters.AddWithValue("a", person);
            cmd.Parameters.AddWithValue("b", mailbox);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            if (r.GetInt64(0) >= maxPerHour || r.GetInt64(1) >= maxPerHour)
            {
                return false;
            }
        }

        var insert = "INSERT INTO email_sends (subject, at_ticks) VALUES (@a, @t), (@b, @t);" + (attempt is null ? "" : PostgresDraftStore.UpsertSql);
        await using (var cmd = new NpgsqlCommand(insert, conn, tx))
        {
            cmd.Parameters.AddWithValue("a", person);
            cmd.Parameters.AddWithValue("b", mailbox);
            cmd.Parameters.AddWithValue("t", now.UtcTicks);
            if (attempt is not null)
            {
                foreach (var (name, value) in PostgresDraftStore.UpsertParameters(db, attempt))
                {
                    cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
                }
            }

            await cmd.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return true;
    }

    public async Task UncountSendAsync(string identityKey, string address, DateTimeOffset sentAt, CancellationToken ct = default)
    {
        var (person, mailbox) = db.Keys.EmailSendSubjects(identityKey, address);
        var from = sentAt.UtcTicks - (sentAt.UtcTicks % TimeSpan.TicksPerMillisecond);
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            DELETE FROM email_sends WHERE ctid IN (
                SELECT DISTINCT ON (subject) ctid FROM email_sends
                WHERE subject IN (@a, @b) AND at_ticks >= @from AND at_ticks < @to ORDER BY subject)
            """, conn);
        cmd.Parameters.AddWithValue("a", person);
        cmd.Parameters.AddWithValue("b", mailbox);
        cmd.Parameters.AddWithValue("from", from);
        cmd.Parameters.AddWithValue("to", from + TimeSpan.TicksPerMillisecond);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<SignatureRecord?> FindByEmailAsync(string campaignId, string address, CancellationToken ct = default)
    {
        var found = await _signatures.QueryAsync($"SELECT {StoredSignature.Columns} FROM signatures WHERE campaign_id = @c AND email_hash = @e",
            ct, ("c", campaignId), ("e", db.Keys.HashEmail(address)));
        return found.Count == 0 ? null : found[0].ToRecord();
    }

    public async Task<IReadOnlyList<SignatureRecord>> FindAllByEmailAsync(string address, CancellationToken ct = default)
    {
        var found = await _signatures.QueryAsync($"SELECT {StoredSignature.Columns} FROM signatures WHERE email_hash = @e ORDER BY signed_at_ticks",
            ct, ("e", db.Keys.HashEmail(address)));
        return found.Select(s => s.ToRecord()).ToList();
    }

    public async Task<bool> RemoveByEmailAsync(string campaignId, string address, CancellationToken ct = default) =>
        await _signatures.DeleteWhereAsync("campaign_id = @c AND email_hash = @e", ct, ("c", campaignId), ("e", db.Keys.HashEmail(address))) > 0;
}
