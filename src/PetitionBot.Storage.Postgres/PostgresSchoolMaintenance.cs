using PetitionBot.Core.Schools;
using PetitionBot.Core.Text;

namespace PetitionBot.Storage.Postgres;

/// <summary>School upkeep of the PostgreSQL store (<see cref="ISchoolMaintenance"/>), the same rules as the LiteDB store.
/// Signatures are resolved per distinct school text (a million signatures of a few hundred texts are a few hundred
/// updates), in one transaction under an advisory lock, so two processes starting together migrate once.</summary>
public sealed class PostgresSchoolMaintenance(PostgresDatabase db) : ISchoolMaintenance
{
    /// <summary>The advisory lock key of the school migration and of mapping ("PBschool").</summary>
    public const long LockKey = 0x5042_7363_686F_6F6C;

    /// <summary>Rows without a directory school; the same text as the partial index of migration 0005, so it is used.</summary>
    private const string Unresolved = "(school_id IS NULL OR school_id IN ('', 'other'))";

    /// <summary>The school counters (and the counts by method) counted again from the signatures. Signers are held off
    /// first (every signer locks its campaign's row before touching a counter), so no signature is counted twice or lost.</summary>
    private const string RebuildSchoolCounters = $"""
        SELECT 1 FROM campaign_counters ORDER BY campaign_id FOR UPDATE;
        DELETE FROM counters WHERE kind = '{PgAggregates.School}';
        INSERT INTO counters (campaign_id, kind, key, label, count)
            SELECT campaign_id, '{PgAggregates.School}', school_key, (array_agg(school ORDER BY signed_at_ticks, id))[1], count(*)
            FROM signatures GROUP BY campaign_id, school_key
        ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = EXCLUDED.count;
        {PgAggregates.SchoolMethodsFromSignatures};
        UPDATE campaign_counters c SET breakdown = c.breakdown || jsonb_build_object('{PgAggregates.VerificationKind}', t.methods)
        FROM (SELECT campaign_id, jsonb_object_agg(v.name, n) AS methods
              FROM (SELECT campaign_id, verification, count(*) AS n FROM signatures GROUP BY campaign_id, verification) m
              JOIN (VALUES (0, 'SelfAttested'), (1, 'RoleVerified'), (2, 'SchoolEmail')) AS v(code, name) ON v.code = m.verification
              GROUP BY campaign_id) t
        WHERE c.campaign_id = t.campaign_id;
        """;

    public async Task<int> MigrateAsync(ISchoolDirectory directory, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await ExecAsync(conn, tx, $"SELECT pg_advisory_xact_lock({LockKey})", ct);

        // Each distinct text once; "Other" ones that still do not resolve stay as they are (nothing to do).
        var texts = await ReadAsync(conn, tx, $"SELECT DISTINCT school, school_id = 'other' FROM signatures WHERE {Unresolved}",
            r => (Text: r.GetString(0), IsOther: !r.IsDBNull(1) && r.GetBoolean(1)), ct);
        var (textList, found, ids, names, keys) = (new List<string>(), new List<bool>(), new List<string>(), new List<string>(), new List<string>());
        foreach (var group in texts.GroupBy(t => t.Text, StringComparer.Ordinal))
        {
            var school = directory.Resolve(group.Key) is { Kind: SchoolMatchKind.Found, School: { } s } ? s : null;
            if (school is null && group.All(t => t.IsOther))
            {
                continue;
            }

            textList.Add(group.Key);
            found.Add(school is not null);
            ids.Add(school?.Id ?? School.OtherId);
            names.Add(school?.Name ?? group.Key);
            keys.Add(SchoolKeys.For(school?.Id, group.Key));
        }

        // One statement for every text: a found school takes every unresolved signature of its text ("Other" ones too);
        // an unknown text makes the signatures without any school id "Other" (its own other:<text> key).
        var changed = textList.Count == 0 ? 0 : await ExecAsync(conn, tx, $"""
            UPDATE signatures SET school_id = m.id, school = m.name, school_key = m.key
            FROM unnest(@texts, @found, @ids, @names, @keys) AS m(text, found, id, name, key)
            WHERE school = m.text AND {Unresolved} AND (m.found OR school_id IS NULL OR school_id = '')
            """, ct, ("texts", textList.ToArray()), ("found", found.ToArray()), ("ids", ids.ToArray()), ("names", names.ToArray()), ("keys", keys.ToArray()));

        await MigrateServersAsync(conn, tx, directory, ct);
        if (changed > 0)
        {
            await ExecAsync(conn, tx, RebuildSchoolCounters, ct);
        }

        await tx.CommitAsync(ct);
        return changed;
    }

    public async Task<IReadOnlyList<CountBy>> ListOtherAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await ReadAsync(conn, null, $"""
            SELECT school_key, (array_agg(school ORDER BY signed_at_ticks, id))[1], count(*)
            FROM signatures WHERE {Unresolved} AND school_id = '{School.OtherId}' GROUP BY school_key
            """,
            r => new CountBy(r.GetString(0), r.GetString(1), (int)r.GetInt64(2)), ct);
        return rows.OrderByDescending(r => r.Count).ThenBy(r => r.Label, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<int> MapAsync(string typed, School school, string actorKey, DateTimeOffset now, CancellationToken ct = default)
    {
        var key = SchoolKeys.For(School.OtherId, typed);
        var textKey = InputRules.SchoolKey(typed);
        await using var conn = await db.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await ExecAsync(conn, tx, $"SELECT pg_advisory_xact_lock({LockKey})", ct);
        var moved = await ReadAsync(conn, tx, $"""
            UPDATE signatures SET school_id = @id, school = @name, school_key = @id
            WHERE school_key = @key AND {Unresolved}
            RETURNING campaign_id, verification
            """,
            r => (Campaign: r.GetString(0), Method: ((Verification)r.GetInt32(1)).ToString()), ct,
            ("id", school.Id), ("name", school.Name), ("key", key));
        if (moved.Count == 0)
        {
            return 0;
        }

        // The moved signatures leave the "Other" text's counters and join the school's (per campaign, per method).
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            foreach (var group in moved.GroupBy(m => (m.Campaign, m.Method)))
            {
                var (campaign, method) = group.Key;
                batch.BatchCommands.Add(PgAggregates.BumpSchool(campaign, key, typed, method, -group.Count()));
                batch.BatchCommands.Add(PgAggregates.BumpSchool(campaign, school.Id, school.Name, method, group.Count()));
            }

            await batch.ExecuteNonQueryAsync(ct);
        }

        var servers = await ReadAsync(conn, tx, $"SELECT id, school FROM servers WHERE school IS NOT NULL AND {Unresolved}",
            r => (Id: r.GetString(0), Text: r.GetString(1)), ct);
        foreach (var server in servers.Where(s => InputRules.SchoolKey(s.Text) == textKey))
        {
            await ExecAsync(conn, tx, "UPDATE servers SET school_id = @sid, school = @name, school_key = @sid WHERE id = @id", ct,
                ("sid", school.Id), ("name", school.Name), ("id", server.Id));
        }

        await ExecAsync(conn, tx, """
            INSERT INTO audit (action, action_key, platform, workspace_id, actor_hash, detail, at_ticks)
            VALUES (@action, @key, NULL, NULL, @actor, @detail, @at)
            """, ct,
            ("action", AuditActions.SchoolMap),
            ("key", AuditActions.SchoolMap + "|"),
            ("actor", db.Keys.HashAuditActor(actorKey)),
            ("detail", $"mapped {moved.Count} signatures of the Other school \"{textKey}\" to {school.Id}"),
            ("at", now.UtcTicks));
        await tx.CommitAsync(ct);
        return moved.Count;
    }

    /// <summary>Servers' schools, resolved the same way (found → id and name; else "Other" with the text kept).</summary>
    private static async Task MigrateServersAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ISchoolDirectory directory, CancellationToken ct)
    {
        var servers = await ReadAsync(conn, tx, $"SELECT id, school, school_id = 'other' FROM servers WHERE school IS NOT NULL AND {Unresolved}",
            r => (Id: r.GetString(0), Text: r.GetString(1), IsOther: !r.IsDBNull(2) && r.GetBoolean(2)), ct);
        foreach (var server in servers)
        {
            if (directory.Resolve(server.Text) is { Kind: SchoolMatchKind.Found, School: { } school })
            {
                await ExecAsync(conn, tx, "UPDATE servers SET school_id = @sid, school = @name, school_key = @sid WHERE id = @id", ct,
                    ("sid", school.Id), ("name", school.Name), ("id", server.Id));
            }
            else if (!server.IsOther)
            {
                await ExecAsync(conn, tx, $"UPDATE servers SET school_id = '{School.OtherId}', school_key = @key WHERE id = @id", ct,
                    ("key", SchoolKeys.For(School.OtherId, server.Text)), ("id", server.Id));
            }
        }
    }

    private static async Task<int> ExecAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Sql.Command(conn, sql, parameters);
        cmd.Transaction = tx;
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Sql.Command(conn, sql, parameters);
        cmd.Transaction = tx;
        var list = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(read(reader));
        }

        return list;
    }
}
