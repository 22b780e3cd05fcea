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
    public const string SchoolVerification = "school-verification";

    private const int UnknownHour = -1;

    /// <summary>Adds (+1) or removes (-1) one signature from every aggregate (three small documents: the campaign's,
    /// the school's and the day's); returns the new campaign total and school count.</summary>
    /// <remarks><paramref name="atTicks"/> is the signature's real time when known (a new signature); a stored
    /// counted-only row keeps its date only, so on removal its hour is unknown: the latest hour of that day that still
    /// counts someone gives one back.</remarks>
    public static (int Total, int School) Apply(LiteDbContext db, SignatureDoc s, int delta, long? atTicks = null)
    {
        var cacheKey = "campaign|" + s.CampaignId;
        var known = db.AggregateCache.TryGetValue(cacheKey, out var cached) ? (CampaignCounterDoc)cached : db.CampaignCounters.FindById(s.CampaignId);
        var campaign = known ?? new CampaignCounterDoc { Id = s.CampaignId };
        campaign.Total = Math.Max(0, campaign.Total + delta);
        if (s.FullName is not null)
        {
            campaign.Named = Math.Max(0, campaign.Named + delta);
        }

        Bump(campaign.ByPlatform, ((PlatformKind)s.Platform).ToString(), delta);
        Bump(campaign.ByStage, s.Stage, delta);
        var method = ((Verification)s.Verification).ToString();
        Bump(campaign.ByVerification, method, delta);
        if (known is null)
        {
            db.CampaignCounters.Insert(campaign);
        }
        else
        {
            db.CampaignCounters.Update(campaign);
        }

        db.AggregateCache[cacheKey] = campaign;

        var at = new DateTime(atTicks ?? s.SignedAtTicks, DateTimeKind.Utc);
        var hourKnown = atTicks is not null || s.FullName is not null;
        var school = BumpCounter(db, s.CampaignId, School, s.SchoolKey, SchoolLabel(s), delta, hour: null);
        BumpCounter(db, s.CampaignId, Day, DayKey(at), DayKey(at), delta, hourKnown ? at.Hour : UnknownHour);
        BumpCounter(db, s.CampaignId, SchoolVerification, s.SchoolKey + "|" + method, method, delta, hour: null);
        return (campaign.Total, school);
    }

    /// <summary>Only what a milestone's words use (<see cref="Core.Announcements.AnnouncementComposer"/>): the totals and the
    /// schools' counts; days, hours and methods stay empty.</summary>
    /// <remarks>Runs inside the signature's transaction: the campaign counter and the schools come from
    /// <see cref="LiteDbContext.AggregateCache"/>, so a campaign with hundreds of schools crossing school milestones
    /// does not read every school counter again at each crossing.</remarks>
    public static CampaignStats ReadForWords(LiteDbContext db, string campaignId)
    {
        var campaign = db.AggregateCache.TryGetValue("campaign|" + campaignId, out var cached)
            ? (CampaignCounterDoc)cached
            : db.CampaignCounters.FindById(campaignId);
        if (campaign is null)
        {
            return CampaignStats.Empty(campaignId);
        }

        var schools = SchoolIndex(db, campaignId).Values
            .Where(c => c.Count > 0).Select(c => new CountBy(c.Key, c.Label, c.Count)).ToList();
        return new CampaignStats(campaignId, campaign.Total, campaign.Named, schools, [], [], [], 0, 0);
    }

    /// <summary>The campaign's school counters by key, read once under the write gate and kept in step by
    /// <see cref="BumpCounter"/> (the same objects as the per-id entries of the cache).</summary>
    private static Dictionary<string, CounterDoc> SchoolIndex(LiteDbContext db, string campaignId)
    {
        var indexKey = SchoolIndexKey(campaignId);
        if (db.AggregateCache.TryGetValue(indexKey, out var cached))
        {
            return (Dictionary<string, CounterDoc>)cached;
        }

        var index = new Dictionary<string, CounterDoc>(StringComparer.Ordinal);
        foreach (var stored in db.Counters.Find(c => c.Group == Group(campaignId, School)))
        {
            var doc = db.AggregateCache.TryGetValue(stored.Id, out var known) ? (CounterDoc)known : stored;
            db.AggregateCache[doc.Id] = doc;
            index[doc.Key] = doc;
        }

        db.AggregateCache[indexKey] = index;
        return index;
    }

    // A counter id always has two '|' (campaign|kind|key) and the campaign's entry starts "campaign|": no clash.
    private static string SchoolIndexKey(string campaignId) => "schools-index|" + campaignId;

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
        var schoolMethods = db.Counters.Find(c => c.Group == Group(campaignId, SchoolVerification))
            .Where(c => c.Count > 0).Select(c => new CountBy(c.Key, c.Label, c.Count)).ToList();
        return new CampaignStats(
            campaignId,
            campaign.Total,
            campaign.Named,
            schools,
            ToRows(campaign.ByStage),
            ToRows(campaign.ByPlatform),
            days,
            last24,
            last7d)
        {
            ByVerification = ToRows(campaign.ByVerification ?? []),
            BySchoolVerification = schoolMethods,
        };
    }

    /// <summary>Signatures in the <paramref name="hours"/> hours up to and including the current one.</summary>
    private static int SumHours(LiteDbContext db, string campaignId, DateTime utcNow, int hours)
    {
        var sum = 0;
        var oldest = utcNow.AddHours(-(hours - 1));
        for (var day = oldest.Date; day <= utcNow.Date; day = day.AddDays(1))
        {
            if (db.Counters.FindById(Id(campaignId, Day, DayKey(day)))?.Hours is not { Length: 24 } perHour)
            {
                continue;
            }

            for (var h = 0; h < 24; h++)
            {
                var slot = day.AddHours(h);
                if (slot >= new DateTime(oldest.Year, oldest.Month, oldest.Day, oldest.Hour, 0, 0, DateTimeKind.Utc) && slot <= utcNow)
                {
                    sum += perHour[h];
                }
            }
        }

        return sum;
    }

    private static List<CountBy> ToRows(Dictionary<string, int> counts) =>
        counts.Where(kv => kv.Value > 0).Select(kv => new CountBy(kv.Key, kv.Key, kv.Value)).ToList();

    private static void Bump(Dictionary<string, int> counts, string key, int delta)
    {
        var count = Math.Max(0, counts.GetValueOrDefault(key) + delta);
        if (count == 0 && delta < 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = count;
        }
    }

    private static int BumpCounter(LiteDbContext db, string campaignId, string kind, string key, string label, int delta, int? hour)
    {
        var id = Id(campaignId, kind, key);
        var existing = db.AggregateCache.TryGetValue(id, out var cached) ? (CounterDoc)cached : db.Counters.FindById(id);
        var doc = existing ?? new CounterDoc { Id = id, Group = Group(campaignId, kind), Key = key, Label = label };
        doc.Count = Math.Max(0, doc.Count + delta);
        if (hour is { } known)
        {
            doc.Hours ??= new int[24];
            var h = known == UnknownHour ? Math.Max(0, Array.FindLastIndex(doc.Hours, n => n > 0)) : known;
            doc.Hours[h] = Math.Max(0, doc.Hours[h] + delta);
        }

        if (existing is null)
        {
            db.Counters.Insert(doc);
        }
        else if (doc.Count == 0 && delta < 0)
        {
            // A counter that reaches zero is dropped (its key may be a school typed only by the person just removed);
            // its text is overwritten in place first, so the freed page keeps no copy of it.
            db.Counters.Update(Scrub.Counter(doc));
            db.Counters.Delete(id);
            db.AggregateCache.Remove(id);
            if (kind == School && db.AggregateCache.TryGetValue(SchoolIndexKey(campaignId), out var loaded))
            {
                ((Dictionary<string, CounterDoc>)loaded).Remove(key);
            }

            db.WipeAfterCommit();
            return 0;
        }
        else
        {
            db.Counters.Update(doc);
        }

        db.AggregateCache[id] = doc;
        if (kind == School && db.AggregateCache.TryGetValue(SchoolIndexKey(campaignId), out var index))
        {
            ((Dictionary<string, CounterDoc>)index)[key] = doc;
        }

        return doc.Count;
    }

    /// <summary>A directory school reads as its name; an "Other" school as the text typed (its key starts "other:").</summary>
    public static string SchoolLabel(SignatureDoc s) => s.School;

    /// <summary>Drops every school counter and counts them again from the signatures (after a migration or a mapping),
    /// with the counts by verification method.</summary>
    public static void RebuildSchools(LiteDbContext db)
    {
        db.AggregateCache.Clear();
        db.Counters.DeleteMany(c => c.Group.EndsWith("|" + School) || c.Group.EndsWith("|" + SchoolVerification));

        // One pass over the signatures, keeping only the counts (a campaign of a million signatures is not held in
        // memory); the groups keep the order in which they first appear, as the counters did before.
        var schools = new Dictionary<(string Campaign, string Key), (string Label, int Count)>();
        var methods = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var schoolMethods = new Dictionary<(string Campaign, string Key), (string Label, int Count)>();
        foreach (var s in db.Signatures.FindAll())
        {
            var method = ((Verification)s.Verification).ToString();
            var school = (s.CampaignId, s.SchoolKey);
            schools[school] = schools.TryGetValue(school, out var seen) ? (seen.Label, seen.Count + 1) : (SchoolLabel(s), 1);
            var byMethod = methods.TryGetValue(s.CampaignId, out var known) ? known : methods[s.CampaignId] = new Dictionary<string, int>(StringComparer.Ordinal);
            byMethod[method] = byMethod.GetValueOrDefault(method) + 1;
            var schoolMethod = (s.CampaignId, s.SchoolKey + "|" + method);
            schoolMethods[schoolMethod] = (method, schoolMethods.GetValueOrDefault(schoolMethod).Count + 1);
        }

        foreach (var ((campaign, key), (label, count)) in schools)
        {
            db.Counters.Insert(new CounterDoc { Id = Id(campaign, School, key), Group = Group(campaign, School), Key = key, Label = label, Count = count });
        }

        // Signatures saved before the counts by method existed are counted here too.
        foreach (var campaign in db.CampaignCounters.FindAll().ToList())
        {
            campaign.ByVerification = methods.TryGetValue(campaign.Id, out var byMethod) ? byMethod : [];
            db.CampaignCounters.Update(campaign);
        }

        foreach (var ((campaign, key), (label, count)) in schoolMethods)
        {
            db.Counters.Insert(new CounterDoc
            {
                Id = Id(campaign, SchoolVerification, key), Group = Group(campaign, SchoolVerification), Key = key, Label = label, Count = count,
            });
        }
    }

    private static string Group(string campaignId, string kind) => campaignId + "|" + kind;

    private static string Id(string campaignId, string kind, string key) => campaignId + "|" + kind + "|" + key;

    private static string DayKey(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}
