using System.Runtime.CompilerServices;
using PetitionBot.Core.Announcements;

namespace PetitionBot.Storage.Postgres;

/// <summary>Signatures in PostgreSQL. One per (campaign, identity hash) under a unique constraint; aggregates, milestones
/// and their deliveries change in the same transaction as the signature.</summary>
public sealed class PostgresSignatureStore(PostgresDatabase db, IOutboxSignal? signal = null) : ISignatureStore
{
    /// <summary>pb_sign's SQLSTATE when a signature reaches a milestone count (Functions/signing.sql).</summary>
    private const string MilestoneReached = "PBM01";

    private readonly RecentCounts _recent = new();

    private const string Sign = """
        SELECT added, total, school_count
        FROM pb_sign(@id, @campaign, @hash, @platform, @platform_name, @workspace, @name, @school, @school_key, @stage, @role,
                     @verification, @at, @day, @hour, @cm, @sm, @email_hash, @email_domain, @verification_name, @school_id)
        """;

    // With a sign flow's draft, the CTE deletes it in the same statement, so in the same transaction as the signature.
    // Without one (an import, a test) the plain statement: a data-modifying CTE costs about a quarter of the signing rate
    // even when it deletes nothing.
    private const string SignDeletingDraft = "WITH draft_gone AS (DELETE FROM drafts WHERE id = @draft_id)\n" + Sign;

    public async Task<SignOutcome> AddAsync(NewSignature signature, MilestonePlan milestones, CancellationToken ct = default)
    {
        var countedOnlyDate = CountedOnlyRows.DateOnly(signature.Answers.SignedAt.UtcTicks);
        var s = new StoredSignature(
            // Time-ordered ids keep the primary key's index append-mostly; a counted-only row's id carries its date only.
            signature.Answers.FullName is null ? CountedOnlyIds.New(countedOnlyDate) : Guid.CreateVersion7().ToString("N"),
            signature.CampaignId,
            db.Keys.Hash(signature.IdentityKey),
            (int)signature.Answers.Platform,
            // Counted-only: no server id and no time of day in the row (the hourly numbers live in the aggregates).
            signature.Answers.FullName is null ? db.Keys.HashCountedOnlyServer(new Core.Model.ServerRef(signature.Answers.Platform, signature.Answers.ServerId).Key) : signature.Answers.ServerId,
            signature.Answers.FullName,
            signature.Answers.School,
            Core.Schools.SchoolKeys.For(signature.Answers.SchoolId, signature.Answers.School),
            signature.Answers.Stage,
            signature.Answers.Role,
            (int)signature.Answers.Verification,
            signature.Answers.FullName is null ? countedOnlyDate : signature.Answers.SignedAt.UtcTicks,
            signature.EmailAddress is { } address ? db.Keys.HashEmail(address) : null,
            signature.EmailAddress is { } addr ? addr[(addr.LastIndexOf('@') + 1)..] : null,
            signature.Answers.SchoolId is { Length: > 0 } schoolId ? schoolId : Core.Schools.School.OtherId);

        // One statement (pb_sign, Functions/signing.sql): the signature and its aggregates, unless the new counts reach one at
        // which the core says a milestone is crossed; then pb_sign undoes it all (SQLSTATE PBM01) and the signature is
        // made again in a transaction that also writes the milestones' announcements, worded and addressed by the core,
        // before it commits. The campaign's counter row stays locked until then, so concurrent signers see exact counts.
        // When the counts this process last saw say this signature reaches a trigger, it goes to that transaction at once.
        await using var conn = await db.OpenAsync(ct);
        var made = new List<Announcement>();
        var campaignTriggers = MilestoneCrossing.CampaignTriggers(milestones);
        var schoolTriggers = MilestoneCrossing.SchoolTriggers(milestones);
        bool added;
        int total;
        int school;
        if (_recent.NextMayCross(s.CampaignId, s.SchoolKey, campaignTriggers, schoolTriggers))
        {
            (added, total, school) = await MilestoneTransactionAsync(conn, s, signature, milestones, made, ct);
        }
        else
        {
            try
            {
                (added, total, school) = await SignAsync(conn, null, s, signature, campaignTriggers, schoolTriggers, ct);
            }
            catch (PostgresException ex) when (ex.SqlState == MilestoneReached)
            {
                (added, total, school) = await MilestoneTransactionAsync(conn, s, signature, milestones, made, ct);
            }
        }

        _recent.Saw(s.CampaignId, total, s.SchoolKey, added ? school : null);
        if (added)
        {
            if (made.Count > 0)
            {
                signal?.Raise();
            }

            return new SignOutcome(true, s.ToRecord(), total, made);
        }

        // Already signed (a repeat, the same person at the same moment from another process, or the same verified
        // address from another account): nothing changed.
        await using var find = new NpgsqlCommand(
            $"SELECT {StoredSignature.Columns} FROM signatures WHERE campaign_id = @c AND (identity_hash = @h OR (@e IS NOT NULL AND email_hash = @e)) ORDER BY identity_hash = @h DESC LIMIT 1", conn);
        find.Parameters.AddWithValue("c", s.CampaignId);
        find.Parameters.AddWithValue("h", s.IdentityHash);
        find.Parameters.AddNullableText("e", s.EmailHash);
        await using var reader = await find.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            // The conflicting signature was withdrawn in the meantime: nothing to report but the conflict itself.
            throw new InvalidOperationException("The signature conflicted with one that was withdrawn at the same moment; nothing was saved.");
        }

        return new SignOutcome(false, StoredSignature.Read(reader).ToRecord(), total, []);
    }

    /// <summary>Signs in the milestone transaction (<see cref="PgMilestoneRedo"/>): pb_sign with no triggers, then the
    /// announcements of the milestones the new counts crossed, then the commit.</summary>
    private static Task<(bool Added, int Total, int School)> MilestoneTransactionAsync(NpgsqlConnection conn, StoredSignature s,
        NewSignature signature, MilestonePlan milestones, List<Announcement> made, CancellationToken ct)
    {
        var sign = new NpgsqlBatchCommand(signature.DraftId is null ? Sign : SignDeletingDraft);
        AddSignParameters(sign.Parameters, s, signature, [], []);
        return PgMilestoneRedo.SignAsync(conn, sign, s, milestones, signature.Answers.SignedAt, made, ct);
    }

    /// <summary>Runs pb_sign; returns whether the signature was added and the campaign's and school's new counts.</summary>
    private static async Task<(bool Added, int Total, int School)> SignAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, StoredSignature s,
        NewSignature signature, int[] campaignTriggers, int[] schoolTriggers, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(signature.DraftId is null ? Sign : SignDeletingDraft, conn, tx);
        AddSignParameters(cmd.Parameters, s, signature, campaignTriggers, schoolTriggers);

        // Prepared (once per pooled connection; Npgsql keeps it across open/close): besides skipping the parse, a
        // connection holding prepared statements is reset without DISCARD ALL when it returns to the pool, so
        // pb_sign's own statement plans stay cached. Unprepared, every signature re-planned all of them (0.26x raw
        // INSERTs in the benchmark; prepared 0.7x). Every parameter is typed, so each call reuses the one statement.
        await cmd.PrepareAsync(ct);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var result = (false, 0, 0);
        while (await r.ReadAsync(ct))
        {
            result = (r.GetBoolean(0), r.GetInt32(1), r.GetInt32(2));
        }

        return result;
    }

    /// <summary>pb_sign's parameters (the signature, its day and hour, the milestone trigger counts, the draft to delete).</summary>
    private static void AddSignParameters(NpgsqlParameterCollection p, StoredSignature s, NewSignature signature, int[] campaignTriggers, int[] schoolTriggers)
    {
        var at = signature.Answers.SignedAt.UtcDateTime;
        s.AddParameters(p);
        p.AddWithValue("platform_name", signature.Answers.Platform.ToString());
        p.AddWithValue("day", at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        p.AddWithValue("hour", at.Hour);
        p.AddWithValue("cm", campaignTriggers);
        p.AddWithValue("sm", schoolTriggers);
        p.AddWithValue("verification_name", signature.Answers.Verification.ToString());
        if (signature.DraftId is { } draftId)
        {
            p.AddWithValue("draft_id", NpgsqlTypes.NpgsqlDbType.Text, draftId);
        }
    }

    public async Task<SignatureRecord?> FindAsync(string campaignId, string identityKey, CancellationToken ct = default)
    {
        var found = await QueryAsync($"SELECT {StoredSignature.Columns} FROM signatures WHERE campaign_id = @c AND identity_hash = @h",
            ct, ("c", campaignId), ("h", db.Keys.Hash(identityKey)));
        return found.Count == 0 ? null : found[0].ToRecord();
    }

    public async Task<IReadOnlyList<SignatureRecord>> FindAllAsync(string identityKey, CancellationToken ct = default)
    {
        var found = await QueryAsync($"SELECT {StoredSignature.Columns} FROM signatures WHERE identity_hash = @h ORDER BY signed_at_ticks",
            ct, ("h", db.Keys.Hash(identityKey)));
        return found.Select(s => s.ToRecord()).ToList();
    }

    public async Task<bool> RemoveAsync(string campaignId, string identityKey, CancellationToken ct = default) =>
        await DeleteWhereAsync("campaign_id = @c AND identity_hash = @h", ct, ("c", campaignId), ("h", db.Keys.Hash(identityKey))) > 0;

    public Task<int> InvalidateAsync(string campaignId, Core.Model.ServerRef? server, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default) =>
        DeleteWhereAsync(
            """
            campaign_id = @c
            AND (@any_ws OR (platform = @p AND workspace_id = CASE WHEN full_name IS NULL THEN @wh ELSE @w END))
            AND CASE WHEN full_name IS NULL
                     THEN signed_at_ticks < @to AND signed_at_ticks + 864000000000 > @from
                     ELSE signed_at_ticks >= @from AND signed_at_ticks < @to END
            """,
            ct,
            ("c", campaignId),
            ("any_ws", server is null),
            ("p", (int)(server?.Platform ?? 0)),
            ("w", server?.ServerId ?? ""),
            ("wh", server is null ? "" : db.Keys.HashCountedOnlyServer(server.Key)),
            ("from", from?.UtcTicks ?? long.MinValue),
            ("to", to?.UtcTicks ?? long.MaxValue));

    public async Task<CampaignStats> GetStatsAsync(string campaignId, DateTimeOffset now, CancellationToken ct = default)
    {
        await db.EnsureReadyAsync(ct);
        return await PgAggregates.ReadAsync(db.DataSource, campaignId, now, ct);
    }

    public async IAsyncEnumerable<SignatureRecord> ListAsync(string campaignId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        // Keyset pages: no transaction or cursor held open while the consumer awaits; each signature returned once.
        long afterTicks = long.MinValue;
        var afterId = "";
        while (true)
        {
            var page = await QueryAsync(
                $"SELECT {StoredSignature.Columns} FROM signatures WHERE campaign_id = @c AND (signed_at_ticks, id) > (@t, @i) ORDER BY signed_at_ticks, id LIMIT 500",
                ct, ("c", campaignId), ("t", afterTicks), ("i", afterId));
            foreach (var s in page)
            {
                yield return s.ToRecord();
            }

            if (page.Count < 500)
            {
                yield break;
            }

            (afterTicks, afterId) = (page[^1].SignedAtTicks, page[^1].Id);
        }
    }

    /// <summary>Deletes the matching signatures and lowers every aggregate with them, in one transaction.</summary>
    internal async Task<int> DeleteWhereAsync(string where, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var doomed = new List<StoredSignature>();
        await using (var cmd = new NpgsqlCommand($"DELETE FROM signatures WHERE {where} RETURNING {StoredSignature.Columns}", conn, tx))
        {
            foreach (var (name, value) in parameters)
            {
                cmd.Parameters.AddWithValue(name, value);
            }

            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                doomed.Add(StoredSignature.Read(reader));
            }
        }

        foreach (var s in doomed)
        {
            await PgAggregates.ApplyAsync(conn, tx, s, -1, ct);
        }

        await tx.CommitAsync(ct);
        return doomed.Count;
    }

    internal Task<List<StoredSignature>> QueryAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        Sql.QueryAsync(db, sql, StoredSignature.Read, ct, parameters);
}
