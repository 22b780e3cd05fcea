using PetitionBot.Core.Schools;

namespace PetitionBot.Storage.Postgres;

/// <summary>Fills an empty database from another store's rows (<c>petitionbot migrate --to postgres</c>) and reads the
/// rows back in the same neutral form, so the caller can compare counts and checksums.</summary>
public sealed class PostgresImport(PostgresDatabase db)
{
    /// <summary>Rows already in any copied table (0 for an empty database).</summary>
    public async Task<long> ExistingRowsAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var sql = string.Join(" + ", CopiedCollection.All.Select(c => $"(SELECT count(*) FROM {c.Table})"));
        await using var cmd = new NpgsqlCommand("SELECT " + sql, conn);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Copies every collection in one transaction (all or nothing) and rebuilds the aggregates from the signatures.</summary>
    public async Task CopyAsync(Func<CopiedCollection, IEnumerable<StoreRow>> source, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var collection in CopiedCollection.All)
        {
            var sql = $"INSERT INTO {collection.Table} ({string.Join(", ", collection.Columns)}{(collection.Table == "servers" ? ", school_key" : "")}) " +
                      $"VALUES ({string.Join(", ", collection.Columns.Select((_, i) => "$" + (i + 1)))}{(collection.Table == "servers" ? $", ${collection.Columns.Count + 1}" : "")})";
            foreach (var chunk in source(collection).Chunk(500))
            {
                await using var batch = new NpgsqlBatch(conn, tx);
                foreach (var row in chunk)
                {
                    var command = new NpgsqlBatchCommand(sql);
                    foreach (var field in collection.Fields)
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = Coerce(collection.Table, field, row[field]) });
                    }

                    if (collection.Table == "servers")
                    {
                        // The key school milestones find the server's channel by: the school id, or other:<text> (as the store saves it).
                        command.Parameters.Add(new NpgsqlParameter { Value = ServerSchoolKey(row) is { } key ? key : DBNull.Value });
                    }

                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(ct);
            }
        }

        await using (var cmd = new NpgsqlCommand("""
            SELECT setval(pg_get_serial_sequence('audit', 'id'), GREATEST(1, (SELECT COALESCE(max(id), 0) FROM audit)));
            SELECT setval(pg_get_serial_sequence('email_sends', 'id'), GREATEST(1, (SELECT COALESCE(max(id), 0) FROM email_sends)));
            """, conn, tx))
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await RebuildAggregatesAsync(conn, tx, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The rows of a table, named as the source store names its fields.</summary>
    public async Task<List<StoreRow>> ReadBackAsync(CopiedCollection collection, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"SELECT {string.Join(", ", collection.Columns)} FROM {collection.Table}", conn);
        var rows = new List<StoreRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < collection.Fields.Count; i++)
            {
                fields[collection.Fields[i]] = r.IsDBNull(i) ? null : r.GetValue(i);
            }

            if (collection.Table == "audit")
            {
                fields["Id"] = Convert.ToInt32(fields["Id"], System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(new StoreRow(fields));
        }

        return rows;
    }

    /// <summary>As <see cref="Core.Storage.ServerSettings.SchoolKey"/>: null without a school.</summary>
    private static string? ServerSchoolKey(StoreRow server) =>
        server["School"] is string { Length: > 0 } || server["SchoolId"] is string { Length: > 0 }
            ? SchoolKeys.For(server["SchoolId"] as string, server["School"] as string)
            : null;

    private static object Coerce(string table, string field, object? value) => value switch
    {
        null => DBNull.Value,
        int i when table == "audit" && field == "Id" => (long)i,
        _ => value,
    };

    internal static async Task RebuildAggregatesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using (var cmd = new NpgsqlCommand($"""
            INSERT INTO campaign_counters (campaign_id, total, named)
                SELECT campaign_id, count(*), count(full_name) FROM signatures GROUP BY campaign_id;
            UPDATE campaign_counters c SET breakdown = jsonb_build_object('stage', t.stages, 'verification', t.methods)
            FROM (SELECT campaign_id,
                         (SELECT jsonb_object_agg(stage, n) FROM (SELECT stage, count(*) AS n FROM signatures x WHERE x.campaign_id = g.campaign_id GROUP BY stage) s) AS stages,
                         (SELECT jsonb_object_agg(v.name, n) FROM (SELECT verification, count(*) AS n FROM signatures x WHERE x.campaign_id = g.campaign_id GROUP BY verification) m
                            JOIN (VALUES (0, 'SelfAttested'), (1, 'RoleVerified'), (2, 'SchoolEmail')) AS v(code, name) ON v.code = m.verification) AS methods
                  FROM (SELECT DISTINCT campaign_id FROM signatures) g) t
            WHERE c.campaign_id = t.campaign_id;
            INSERT INTO counters (campaign_id, kind, key, label, count)
                SELECT campaign_id, 'school', school_key, (array_agg(school ORDER BY signed_at_ticks, id))[1], count(*)
                FROM signatures GROUP BY campaign_id, school_key;
            {PgAggregates.SchoolMethodsFromSignatures};
            """, conn, tx))
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }

        var platforms = new List<(string Campaign, int Platform, int Count)>();
        var hours = new Dictionary<(string Campaign, string Day), int[]>();
        await using (var cmd = new NpgsqlCommand("SELECT campaign_id, platform, count(*) FROM signatures GROUP BY campaign_id, platform", conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                platforms.Add((r.GetString(0), r.GetInt32(1), (int)r.GetInt64(2)));
            }
        }

        await using (var cmd = new NpgsqlCommand("SELECT campaign_id, signed_at_ticks / 36000000000, count(*) FROM signatures GROUP BY 1, 2", conn, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                var hour = new DateTime(r.GetInt64(1) * 36_000_000_000, DateTimeKind.Utc);
                var key = (r.GetString(0), hour.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                if (!hours.TryGetValue(key, out var perHour))
                {
                    hours[key] = perHour = new int[24];
                }

                perHour[hour.Hour] += (int)r.GetInt64(2);
            }
        }

        await using var batch = new NpgsqlBatch(conn, tx);
        foreach (var (campaign, platform, count) in platforms)
        {
            var name = ((PlatformKind)platform).ToString();
            batch.BatchCommands.Add(PgAggregates.Command("UPDATE campaign_counters SET breakdown = pb_bump(breakdown, 'platform', @k, @n) WHERE campaign_id = @c", ("c", campaign), ("k", name), ("n", count)));
        }

        foreach (var ((campaign, day), perHour) in hours)
        {
            batch.BatchCommands.Add(PgAggregates.Command("INSERT INTO counters (campaign_id, kind, key, label, count, hours) VALUES (@c, 'day', @k, @k, @n, @h)", ("c", campaign), ("k", day), ("n", perHour.Sum()), ("h", perHour)));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }
}
