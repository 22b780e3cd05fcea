using System.Globalization;
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
    public const string SchoolVerification = "school-verification";

    private const string BumpCampaign = """
        INSERT INTO campaign_counters (campaign_id, total, named) VALUES (@c, GREATEST(0, @d), GREATEST(0, @n))
        ON CONFLICT (campaign_id) DO UPDATE SET total = GREATEST(0, campaign_counters.total + @d),
                                                named = GREATEST(0, campaign_counters.named + @n)
        RETURNING total
        """;

    private const string BumpCounter = """
        INSERT INTO counters (campaign_id, kind, key, label, count, hours) VALUES (@c, @k, @key, @label, GREATEST(0, @d), @hours)
        ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = GREATEST(0, counters.count + @d)
        RETURNING count
        """;

    private const string BumpDay = """
        INSERT INTO counters (campaign_id, kind, key, label, count, hours) VALUES (@c, 'day', @key, @key, GREATEST(0, @d), @hours)
        ON CONFLICT (campaign_id, kind, key) DO UPDATE SET count = GREATEST(0, counters.count + @d),
                                                           hours[@h] = GREATEST(0, counters.hours[@h] + @d)
        """;

    /// <summary>Adds (+1) or removes (-1) one signature from every aggregate; returns the new campaign total and school count.</summary>
    public static async Task<(int Total, int School)> ApplyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, StoredSignature s, int delta, CancellationToken ct)
    {
        var at = new DateTime(s.SignedAtTicks, DateTimeKind.Utc);
        var hours = new int[24];
        hours[at.Hour] = Math.Max(0, delta);
        var dayKey = DayKey(at);

        await using var batch = new NpgsqlBatch(conn, tx);
        batch.BatchCommands.Add(Command(BumpCampaign, ("c", s.CampaignId), ("d", delta), ("n", s.FullName is null ? 0 : delta)));
        batch.BatchCommands.Add(Command(BumpCounter, ("c", s.CampaignId), ("k", School), ("key", s.SchoolKey), ("label", s.School), ("d", delta), ("hours", DBNull.Value)));
        batch.BatchCommands.Add(Command(BumpDay, ("c", s.CampaignId), ("key", dayKey), ("d", delta), ("hours", hours), ("h", at.Hour + 1)));
        var platform = ((PlatformKind)s.Platform).ToString();
        batch.BatchCommands.Add(Command(BumpCounter, ("c", s.CampaignId), ("k", Platform), ("key", platform), ("label", platform), ("d", delta), ("hours", DBNull.Value)));
        batch.BatchCommands.Add(Command(BumpCounter, ("c", s.CampaignId), ("k", Stage), ("key", s.Stage), ("label", s.Stage), ("d", delta), ("hours", DBNull.Value)));
        var method = ((Verification)s.Verification).ToString();
        batch.BatchCommands.Add(Command(BumpCounter, ("c", s.CampaignId), ("k", VerificationKind), ("key", method), ("label", method), ("d", delta), ("hours", DBNull.Value)));
        batch.BatchCommands.Add(Command(BumpCounter, ("c", s.CampaignId), ("k", SchoolVerification), ("key", s.SchoolKey + "|" + method), ("label", method), ("d", delta), ("hours", DBNull.Value)));
        if (delta < 0)
        {
            // Counters that reach zero are dropped: a school typed only by the person just removed leaves no row.
            batch.BatchCommands.Add(Command("DELETE FROM counters WHERE campaign_id = @c AND count <= 0 AND key IN (@school, @schoolMethod, @day)",
                ("c", s.CampaignId), ("school", s.SchoolKey), ("schoolMethod", s.SchoolKey + "|" + method), ("day", dayKey)));
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
        batch.BatchCommands.Add(Command("SELECT total, named FROM campaign_counters WHERE campaign_id = @c", ("c", campaignId)));
        batch.BatchCommands.Add(Command("SELECT kind, key, label, count, hours FROM counters WHERE campaign_id = @c AND count > 0 ORDER BY kind, key", ("c", campaignId)));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return CampaignStats.Empty(campaignId);
        }

        var (total, named) = (reader.GetInt32(0), reader.GetInt32(1));
        await reader.NextResultAsync(ct);
        var rows = new Dictionary<string, List<CountBy>>(StringComparer.Ordinal);
        var dayHours = new Dictionary<string, int[]>(StringComparer.Ordinal);
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
        }

        IReadOnlyList<CountBy> Rows(string kind) => rows.TryGetValue(kind, out var list) ? list : [];
        var utcNow = now.UtcDateTime;
        return new CampaignStats(campaignId, total, named, Rows(School), Rows(Stage), Rows(Platform), Rows(Day),
            SumHours(dayHours, utcNow, 24), SumHours(dayHours, utcNow, 24 * 7))
        {
            ByVerification = Rows(VerificationKind),
            BySchoolVerification = Rows(SchoolVerification),
        };
    }

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
