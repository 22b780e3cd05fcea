using System.Globalization;
using System.Text.Json;
using Npgsql;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;

namespace PetitionBot.Storage.Postgres;

/// <summary>Keeps the totals and breakdowns in step with signatures inside the caller's transaction. The campaign row is
/// locked first by every writer (the upsert), so concurrent signers of one campaign queue there and the counts stay exact.</summary>
internal static class PgAggregates
{
    public const string School = "school";
    public const string Day = "day";
    public const string Platform = "platform";
    public const string Stage = "stage";
    public const string VerificationKind = "verification";

    /// <summary>The campaign row: totals, and the small breakdowns (platform, stage, method) in its breakdown column
    /// (migration 0006), so a signature touches three rows (campaign, school, day).</summary>
    private const string BumpCampaign = """
        INSERT INTO campaign_counters (campaign_id, total, named, breakdown)
        VALUES (@c, GREATEST(0, @d), GREATEST(0, @n),
                pb_bump(pb_bump(pb_bump('{}', 'platform', @platform, @d), 'stage', @stage, @d), 'verification', @method, @d))
        ON CONFLICT (campaign_id) DO UPDATE SET total = GREATEST(0, campaign_counters.total + @d),
            named = GREATEST(0, campaign_counters.named + @n),
            breakdown = pb_bump(pb_bump(pb_bump(campaign_counters.breakdown, 'platform', @platform, @d), 'stage', @stage, @d), 'verification', @method, @d)
        RETURNING total
        """;

    /// <summary>A school's row, with its counts by method (migration 0006).</summary>
    private const string BumpSchoolRow = """
        INSERT INTO counters (campaign_id, kind, key, label, count, methods) VALUES (@c, 'school', @key, @label, GREATEST(0, @d), pb_inc(NULL, @method, @d))
        ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = GREATEST(0, counters.count + @d), methods = pb_inc(counters.methods, @method, @d)
        RETURNING count
        """;

    /// <summary>Gives every school row its counts by method, counted from the signatures (after a rebuild of the rows).</summary>
    public const string SchoolMethodsFromSignatures = """
        UPDATE counters c SET methods = t.methods
        FROM (SELECT campaign_id, school_key, jsonb_object_agg(v.name, n) AS methods
              FROM (SELECT campaign_id, school_key, verification, count(*) AS n FROM signatures GROUP BY 1, 2, 3) m
              JOIN (VALUES (0, 'SelfAttested'), (1, 'RoleVerified'), (2, 'SchoolEmail')) AS v(code, name) ON v.code = m.verification
              GROUP BY campaign_id, school_key) t
        WHERE c.kind = 'school' AND c.campaign_id = t.campaign_id AND c.key = t.school_key
        """;

    private const string BumpDay = """
        INSERT INTO counters (campaign_id, kind, key, label, count, hours) VALUES (@c, 'day', @key, @key, GREATEST(0, @d), @hours)
        ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = GREATEST(0, counters.count + @d),
                                                           hours[@h] = GREATEST(0, counters.hours[@h] + @d)
        """;

    /// <summary>A stored counted-only row keeps its date only: on removal, the latest hour of that day that still counts
    /// someone gives one back.</summary>
    private const string DropDayUnknownHour = """
        UPDATE counters SET count = GREATEST(0, counters.count + @d),
                            hours[coalesce(h.i, 1)] = GREATEST(0, counters.hours[coalesce(h.i, 1)] + @d)
        FROM (SELECT max(i) AS i FROM counters c2, generate_subscripts(c2.hours, 1) AS i
              WHERE c2.campaign_id = @c AND c2.kind = 'day' AND c2.key = @key AND c2.hours[i] > 0) AS h
        WHERE counters.campaign_id = @c AND counters.kind = 'day' AND counters.key = @key
        """;

    /// <summary>Adds (+1) or removes (-1) one signature from every aggregate; returns the new campaign total and school count.</summary>
    public static async Task<(int Total, int School)> ApplyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, StoredSignature s, int delta, CancellationToken ct)
    {
        var at = new DateTime(s.SignedAtTicks, DateTimeKind.Utc);
        var hours = new int[24];
        hours[at.Hour] = Math.Max(0, delta);
        var dayKey = DayKey(at);

        var platform = ((PlatformKind)s.Platform).ToString();
        var method = ((Verification)s.Verification).ToString();
        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Command(BumpCampaign, ("c", s.CampaignId), ("d", delta), ("n", s.FullName is null ? 0 : delta),
            ("platform", platform), ("stage", s.Stage), ("method", method)));
        batch.BatchCommands.Add(BumpSchool(s.CampaignId, s.SchoolKey, s.School, method, delta));
        batch.BatchCommands.Add(s.FullName is null && delta < 0
            ? Command(DropDayUnknownHour, ("c", s.CampaignId), ("key", dayKey), ("d", delta))
            : Command(BumpDay, ("c", s.CampaignId), ("key", dayKey), ("d", delta), ("hours", hours), ("h", at.Hour + 1)));
        if (delta < 0)
        {
            // Counters that reach zero are dropped: a school typed only by the person just removed leaves no row.
            batch.BatchCommands.Add(Command("DELETE FROM counters WHERE campaign_id = @c AND count <= 0 AND key IN (@school, @day)",
                ("c", s.CampaignId), ("school", s.SchoolKey), ("day", dayKey)));
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var school = reader.GetInt32(0);
        return (total, school);
    }

    public static async Task<CampaignStats> ReadAsync(NpgsqlDataSource source, string campaignId, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = source.CreateBatch();
        return await ReadAsync(batch, campaignId, now, ct);
    }

    /// <summary>The campaign's numbers as the caller's transaction sees them (its own changes included).</summary>
    public static async Task<CampaignStats> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string campaignId, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(conn, tx);
        return await ReadAsync(batch, campaignId, now, ct);
    }

    /// <summary>What a milestone's words need of the campaign's numbers: the total and the per-school counts (no
    /// breakdowns, days or methods), read when a signature crosses a milestone, so cheap however many schools and days
    /// the campaign has. Adds the two queries to <paramref name="batch"/>; <see cref="ReadAnnouncementStatsAsync"/>
    /// reads their two results.</summary>
    public static void AddAnnouncementStats(NpgsqlBatch batch, string campaignId)
    {
        batch.BatchCommands.Add(Command("SELECT total, named FROM campaign_counters WHERE campaign_id = @c", ("c", campaignId)));
        batch.BatchCommands.Add(Command("SELECT key, label, count FROM counters WHERE campaign_id = @c AND kind = 'school' AND count > 0 ORDER BY key", ("c", campaignId)));
    }

    /// <summary>Reads the results of <see cref="AddAnnouncementStats"/>, the reader standing on the first of them; leaves
    /// it on the second.</summary>
    public static async Task<CampaignStats> ReadAnnouncementStatsAsync(NpgsqlDataReader reader, string campaignId, CancellationToken ct)
    {
        var (total, named) = await reader.ReadAsync(ct) ? (reader.GetInt32(0), reader.GetInt32(1)) : (0, 0);
        await reader.NextResultAsync(ct);
        var schools = new List<CountBy>();
        while (await reader.ReadAsync(ct))
        {
            schools.Add(new CountBy(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return new CampaignStats(campaignId, total, named, schools, [], [], [], 0, 0);
    }

    private static async Task<CampaignStats> ReadAsync(NpgsqlBatch batch, string campaignId, DateTimeOffset now, CancellationToken ct)
    {
        batch.BatchCommands.Add(Command("SELECT total, named, breakdown::text FROM campaign_counters WHERE campaign_id = @c", ("c", campaignId)));
        batch.BatchCommands.Add(Command("SELECT kind, key, label, count, hours, methods::text FROM counters WHERE campaign_id = @c AND count > 0 ORDER BY kind, key", ("c", campaignId)));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return CampaignStats.Empty(campaignId);
        }

        var (total, named) = (reader.GetInt32(0), reader.GetInt32(1));
        var rows = Breakdown(reader.GetString(2));
        await reader.NextResultAsync(ct);
        var dayHours = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var perSchoolMethod = new List<CountBy>();
        while (await reader.ReadAsync(ct))
        {
            var kind = reader.GetString(0);
            var row = new CountBy(reader.GetString(1), reader.GetString(2), reader.GetInt32(3));
            if (!rows.TryGetValue(kind, out var list))
            {
                rows[kind] = list = [];
            }

            list.Add(row);
            if (kind == Day && !reader.IsDBNull(4))
            {
                dayHours[row.Key] = reader.GetFieldValue<int[]>(4);
            }

            if (kind == School && !reader.IsDBNull(5))
            {
                // school key + "|" + method, labelled by the method (as the LiteDB store reports them).
                using var methods = JsonDocument.Parse(reader.GetString(5));
                perSchoolMethod.AddRange(Counts(methods.RootElement).Select(m => new CountBy(row.Key + "|" + m.Key, m.Key, m.Count)));
            }
        }

        IReadOnlyList<CountBy> Rows(string kind) => rows.TryGetValue(kind, out var list) ? list : [];
        var utcNow = now.UtcDateTime;
        return new CampaignStats(campaignId, total, named, Rows(School), Rows(Stage), Rows(Platform), Rows(Day),
            SumHours(dayHours, utcNow, 24), SumHours(dayHours, utcNow, 24 * 7))
        {
            ByVerification = Rows(VerificationKind),
            BySchoolVerification = perSchoolMethod,
        };
    }

    /// <summary>The campaign row's breakdown column as rows per kind (platform, stage, verification), zeros left out.</summary>
    private static Dictionary<string, List<CountBy>> Breakdown(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(kind => kind.Name, kind => Counts(kind.Value), StringComparer.Ordinal);
    }

    /// <summary>{"key": count, ...} as rows (the key is also the label), zeros left out, in key order.</summary>
    private static List<CountBy> Counts(JsonElement counts) => counts.EnumerateObject()
        .Select(k => new CountBy(k.Name, k.Name, k.Value.GetInt32()))
        .Where(r => r.Count > 0)
        .OrderBy(r => r.Key, StringComparer.Ordinal)
        .ToList();

    /// <summary>Signatures in the <paramref name="hours"/> whole UTC hours ending with the current one.</summary>
    private static int SumHours(Dictionary<string, int[]> dayHours, DateTime utcNow, int hours)
    {
        var current = new DateTime(utcNow.Year, utcNow.Month, utcNow.Day, utcNow.Hour, 0, 0, DateTimeKind.Utc);
        var sum = 0;
        for (var i = 0; i < hours; i++)
        {
            var slot = current.AddHours(-i);
            if (dayHours.TryGetValue(DayKey(slot), out var perHour) && perHour.Length == 24)
            {
                sum += perHour[slot.Hour];
            }
        }

        return sum;
    }

    /// <summary>Adds <paramref name="delta"/> (never below 0) to a school's row and its count for <paramref name="method"/>,
    /// creating the row with <paramref name="label"/>.</summary>
    internal static NpgsqlBatchCommand BumpSchool(string campaignId, string schoolKey, string label, string method, int delta) =>
        Command(BumpSchoolRow, ("c", campaignId), ("key", schoolKey), ("label", label), ("method", method), ("d", delta));

    internal static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static string DayKey(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
