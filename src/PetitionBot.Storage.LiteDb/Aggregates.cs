using System.Globalization;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Storage.LiteDb;

/// <summary>Keeps the totals and breakdowns in step with signatures, inside the caller's transaction.</summary>
internal static class Aggregates
{
    public const string School = "school";
    public const string Day = "day";
    public const string Hour = "hour";

    /// <summary>Adds (+1) or removes (-1) one signature from every aggregate; returns the new campaign total.</summary>
    public static int Apply(LiteDbContext db, SignatureDoc s, int delta)
    {
        var campaign = db.CampaignCounters.FindById(s.CampaignId) ?? new CampaignCounterDoc { Id = s.CampaignId };
        campaign.Total = Math.Max(0, campaign.Total + delta);
        if (s.FullName is not null)
        {
            campaign.Named = Math.Max(0, campaign.Named + delta);
        }

        Bump(campaign.ByPlatform, ((PlatformKind)s.Platform).ToString(), delta);
        Bump(campaign.ByStage, s.Stage, delta);
        db.CampaignCounters.Upsert(campaign);

        var at = new DateTime(s.SignedAtTicks, DateTimeKind.Utc);
        BumpCounter(db, s.CampaignId, School, s.SchoolKey, s.School, delta);
        BumpCounter(db, s.CampaignId, Day, DayKey(at), DayKey(at), delta);
        BumpCounter(db, s.CampaignId, Hour, HourKey(at), HourKey(at), delta);
        return campaign.Total;
    }

    public static int SchoolCount(LiteDbContext db, string campaignId, string schoolKey) =>
        db.Counters.FindById(Id(campaignId, School, schoolKey))?.Count ?? 0;

    public static CampaignStats Read(LiteDbContext db, string campaignId, DateTimeOffset now)
    {
        var campaign = db.CampaignCounters.FindById(campaignId);
        if (campaign is null)
        {
            return CampaignStats.Empty(campaignId);
        }

        var schools = db.Counters.Find(c => c.Group == Group(campaignId, School))
            .Where(c => c.Count > 0).Select(c => new CountBy(c.Key, c.Label, c.Count)).ToList();
        var days = db.Counters.Find(c => c.Group == Group(campaignId, Day))
            .Where(c => c.Count > 0).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CountBy(c.Key, c.Label, c.Count)).ToList();
        var utcNow = now.UtcDateTime;
        var last24 = SumHours(db, campaignId, utcNow, 24);
        var last7d = SumHours(db, campaignId, utcNow, 24 * 7);
        return new CampaignStats(
            campaignId,
            campaign.Total,
            campaign.Named,
            schools,
            ToRows(campaign.ByStage),
            ToRows(campaign.ByPlatform),
            days,
            last24,
            last7d);
    }

    private static int SumHours(LiteDbContext db, string campaignId, DateTime utcNow, int hours)
    {
        var sum = 0;
        for (var i = 0; i < hours; i++)
        {
            sum += db.Counters.FindById(Id(campaignId, Hour, HourKey(utcNow.AddHours(-i))))?.Count ?? 0;
        }

        return sum;
    }

    private static List<CountBy> ToRows(Dictionary<string, int> counts) =>
        counts.Where(kv => kv.Value > 0).Select(kv => new CountBy(kv.Key, kv.Key, kv.Value)).ToList();

    private static void Bump(Dictionary<string, int> counts, string key, int delta) =>
        counts[key] = Math.Max(0, counts.GetValueOrDefault(key) + delta);

    private static void BumpCounter(LiteDbContext db, string campaignId, string kind, string key, string label, int delta)
    {
        var id = Id(campaignId, kind, key);
        var doc = db.Counters.FindById(id) ?? new CounterDoc { Id = id, Group = Group(campaignId, kind), Key = key, Label = label };
        doc.Count = Math.Max(0, doc.Count + delta);
        db.Counters.Upsert(doc);
    }

    private static string Group(string campaignId, string kind) => campaignId + "|" + kind;

    private static string Id(string campaignId, string kind, string key) => campaignId + "|" + kind + "|" + key;

    private static string DayKey(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string HourKey(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);
}
