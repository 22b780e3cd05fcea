using System.Diagnostics;
using System.Globalization;
using PetitionBot.Benchmarks.Support;
using PetitionBot.ConsoleUi;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>/totals for an organizer at growing signature counts: it reads aggregates, so it must stay flat.</summary>
internal static class TotalsBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(IReadOnlyList<int> sizes)
    {
        var results = new List<BenchResult>();
        var medians = new Dictionary<int, (double Stats, double Totals)>();
        foreach (var size in sizes)
        {
            using var host = BenchHost.Create();
            var seedTime = Seed(host.Services.GetRequiredService<LiteDbContext>(), size);
            var store = host.Services.GetRequiredService<ISignatureStore>();
            var bot = host.Services.GetRequiredService<IPetitionBot>();
            var organizer = ConsoleIdentity.ActorFor(ConsoleRole.Organizer, null);
            var stats = new List<double>();
            var totals = new List<double>();
            for (var i = 0; i < 25; i++)
            {
                var sw = Stopwatch.StartNew();
                var s = await store.GetStatsAsync("bench", DateTimeOffset.UtcNow);
                stats.Add(sw.Elapsed.TotalMilliseconds);
                if (s.Total != size)
                {
                    throw new InvalidOperationException($"seeded {size} but totals say {s.Total}");
                }
            }

            for (var i = 0; i < 7; i++)
            {
                var sw = Stopwatch.StartNew();
                await bot.HandleAsync(CommandInput.Create(organizer, null, CommandCatalog.Totals));
                totals.Add(sw.Elapsed.TotalMilliseconds);
            }

            medians[size] = (Stopwatches.Median(stats.Skip(3)), Stopwatches.Median(totals.Skip(2)));
            results.Add(new BenchResult("totals", $"aggregates read at {size:N0}", Math.Round(medians[size].Stats, 2), "ms", "", null, $"seeded in {seedTime.TotalSeconds:0.0} s"));
            results.Add(new BenchResult("totals", $"/totals (organizer, with chart) at {size:N0}", Math.Round(medians[size].Totals, 1), "ms", "", null));
        }

        if (sizes.Count > 1)
        {
            var first = medians[sizes[0]];
            var last = medians[sizes[^1]];
            var ratio = last.Totals / first.Totals;
            results.Add(new BenchResult("totals", $"/totals at {sizes[^1]:N0} / at {sizes[0]:N0}", Math.Round(ratio, 2), "x", "<= 2", ratio <= 2));
        }

        return results;
    }

    /// <summary>Bulk-loads signatures and the aggregates that the signing path would have kept (300 schools, 12 stages, 90 days).</summary>
    private static TimeSpan Seed(LiteDbContext db, int size)
    {
        var sw = Stopwatch.StartNew();
        var start = DateTime.UtcNow.AddDays(-90);
        var perSchool = new Dictionary<int, int>();
        var perDay = new Dictionary<string, int>();
        var perHour = new Dictionary<string, int[]>();
        var perStage = new Dictionary<string, int>();
        var named = 0;
        const int batch = 50_000;
        for (var offset = 0; offset < size; offset += batch)
        {
            var docs = new List<SignatureDoc>(batch);
            for (var i = offset; i < Math.Min(size, offset + batch); i++)
            {
                var at = start.AddSeconds(i * (90.0 * 86400 / size));
                var school = (int)(Math.Abs((long)i * 7919 % 1000) % 300);
                var stage = $"MS{1 + (i % 4)}";
                var hash = i.ToString("x24", CultureInfo.InvariantCulture);
                var fullName = i % 3 == 0 ? null : $"Signer {i}";
                docs.Add(new SignatureDoc
                {
                    Id = hash,
                    Key = "bench|" + hash,
                    CampaignId = "bench",
                    IdentityHash = hash,
                    Platform = 1 + (i % 2),
                    WorkspaceId = "g" + (i % 200),
                    FullName = fullName,
                    School = $"School {school}",
                    SchoolKey = $"school {school}",
                    Stage = stage,
                    Role = "Medical student",
                    SignedAtTicks = at.Ticks,
                });
                perSchool[school] = perSchool.GetValueOrDefault(school) + 1;
                perStage[stage] = perStage.GetValueOrDefault(stage) + 1;
                var day = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                perDay[day] = perDay.GetValueOrDefault(day) + 1;
                if (!perHour.TryGetValue(day, out var hours))
                {
                    perHour[day] = hours = new int[24];
                }

                hours[at.Hour]++;
                named += fullName is null ? 0 : 1;
            }

            db.Signatures.InsertBulk(docs);
        }

        db.CampaignCounters.Upsert(new CampaignCounterDoc
        {
            Id = "bench",
            Total = size,
            Named = named,
            ByPlatform = new Dictionary<string, int> { ["Discord"] = (size + 1) / 2, ["Slack"] = size / 2 },
            ByStage = perStage,
        });
        db.Counters.InsertBulk(perSchool.Select(kv => Counter("school", $"school {kv.Key}", $"School {kv.Key}", kv.Value))
            .Concat(perDay.Select(kv => Counter("day", kv.Key, kv.Key, kv.Value))));
        foreach (var (day, hours) in perHour)
        {
            var doc = db.Counters.FindById($"bench|day|{day}");
            doc.Hours = hours;
            db.Counters.Update(doc);
        }

        db.Checkpoint();
        return sw.Elapsed;
    }

    private static CounterDoc Counter(string kind, string key, string label, int count) =>
        new() { Id = $"bench|{kind}|{key}", Group = $"bench|{kind}", Key = key, Label = label, Count = count };
}
