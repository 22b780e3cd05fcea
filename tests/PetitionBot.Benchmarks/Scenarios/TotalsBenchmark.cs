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
        // Every size seeded first, then measured in alternation (round r reads each size once, starting at a different
        // one each round), so a change in the shared machine's load lands on every size alike instead of on one.
        var hosts = new List<(int Size, BenchHost Host, TimeSpan Seed)>();
        try
        {
            foreach (var size in sizes)
            {
                var host = BenchHost.Create();
                hosts.Add((size, host, Seed(host.Services.GetRequiredService<LiteDbContext>(), size)));
            }

            var organizer = ConsoleIdentity.ActorFor(ConsoleRole.Organizer, null);
            var stats = hosts.Select(_ => new List<double>()).ToList();
            var totals = hosts.Select(_ => new List<double>()).ToList();
            const int warmUp = 3;
            const int rounds = 21;
            for (var round = 0; round < warmUp + rounds; round++)
            {
                for (var j = 0; j < hosts.Count; j++)
                {
                    var k = (round + j) % hosts.Count;
                    var (size, host, _) = hosts[k];
                    var sw = Stopwatch.StartNew();
                    var s = await host.Services.GetRequiredService<ISignatureStore>().GetStatsAsync("bench", DateTimeOffset.UtcNow);
                    var statsMs = sw.Elapsed.TotalMilliseconds;
                    if (s.Total != size)
                    {
                        throw new InvalidOperationException($"seeded {size} but totals say {s.Total}");
                    }

                    sw.Restart();
                    await host.Services.GetRequiredService<IPetitionBot>().HandleAsync(CommandInput.Create(organizer, null, CommandCatalog.Totals));
                    var totalsMs = sw.Elapsed.TotalMilliseconds;
                    if (round >= warmUp)
                    {
                        stats[k].Add(statsMs);
                        totals[k].Add(totalsMs);
                    }
                }
            }

            var results = new List<BenchResult>();
            for (var k = 0; k < hosts.Count; k++)
            {
                results.Add(new BenchResult("totals", $"aggregates read at {hosts[k].Size:N0}", Math.Round(Stopwatches.Median(stats[k]), 2), "ms", "", null,
                    $"seeded in {hosts[k].Seed.TotalSeconds:0.0} s; median of {rounds}, sizes measured in alternation"));
                results.Add(new BenchResult("totals", $"/totals (organizer, with chart) at {hosts[k].Size:N0}", Math.Round(Stopwatches.Median(totals[k]), 1), "ms", "", null));
            }

            if (hosts.Count > 1)
            {
                var ratio = Stopwatches.Median(totals[^1]) / Stopwatches.Median(totals[0]);
                var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
                results.Add(new BenchResult("totals", $"/totals at {sizes[^1]:N0} / at {sizes[0]:N0}", Math.Round(ratio, 2), "x", "<= 2", ratio <= 2, $"load average {load}"));
            }

            return results;
        }
        finally
        {
            foreach (var (_, host, _) in hosts)
            {
                host.Dispose();
            }
        }
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
