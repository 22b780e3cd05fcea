using PetitionBot.Core.Campaigns;
using System.Diagnostics;
using System.Globalization;
using LiteDB;
using PetitionBot.Benchmarks.Support;
using PetitionBot.Core.Model;
using PetitionBot.Core.Storage;
using PetitionBot.Storage.LiteDb.Documents;
using PetitionBot.Core.Ports;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>Signatures per second through the core's signing path (keyed hash, unique index, aggregates and milestone
/// checks in one transaction) against raw LiteDB single-document inserts of the same documents into a collection with
/// the same unique index and connection settings — in the same run, interleaved, best of rounds.</summary>
internal static class StoreIngestBenchmark
{
    /// <summary>Issue 16: the core's signing path at least this share of raw single-document inserts.</summary>
    private const double RatioTarget = 0.85;

    private static readonly byte[] HashKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int count, int rounds)
    {
        var core = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            raw.Add(RawInserts(count));
            core.Add(await CoreInsertsAsync(count));
        }

        var bestCore = core.Max();
        var bestRaw = raw.Max();
        var ratio = bestCore / bestRaw;
        return
        [
            new BenchResult("store ingest", "raw LiteDB inserts (baseline)", Math.Round(bestRaw), "docs/s", "", null, $"{count} docs, unique index, best of {rounds}"),
            new BenchResult("store ingest", "core signing path", Math.Round(bestCore), "sig/s", "", null, "hash + unique index + aggregates + milestones, one transaction"),
            new BenchResult("store ingest", "core / raw", Math.Round(ratio, 2), "x", $">= {RatioTarget}", ratio >= RatioTarget, "target from issue 16"),
        ];
    }

    private static async Task<double> CoreInsertsAsync(int count)
    {
        using var host = BenchHost.Create();
        var store = host.Services.GetRequiredService<ISignatureStore>();
        // The plan carries the campaign, as the bot's does: a crossed milestone's words are written in the transaction.
        var campaign = host.Services.GetRequiredService<CampaignDirectory>().Find("bench")!;
        var plan = new MilestonePlan([100, 1000, 10_000], [10, 25, 50, 100, 250], campaign);
        var now = DateTimeOffset.UtcNow;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await store.AddAsync(new NewSignature("bench", $"discord:{i}", new SignerAnswers(PlatformKind.Discord, "g" + (i % 50), i % 3 == 0 ? null : $"Signer {i}",
                $"School {i % 300}", $"MS{1 + (i % 4)}", "Medical student", Verification.SelfAttested, now)), plan);
        }

        return count / sw.Elapsed.TotalSeconds;
    }

    private static double RawInserts(int count)
    {
        var dir = Path.Combine(Path.GetTempPath(), "petitionbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(dir, "raw.db"), Connection = ConnectionType.Direct });
            var col = db.GetCollection<SignatureDoc>("signatures");
            col.EnsureIndex(x => x.Key, unique: true);
            col.EnsureIndex(x => x.IdentityHash);
            col.EnsureIndex(x => x.CampaignId);
            var now = DateTimeOffset.UtcNow.UtcTicks;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var hash = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(HashKey, BitConverter.GetBytes(i)));
                col.Insert(new SignatureDoc
                {
                    Id = ObjectId.NewObjectId().ToString(),
                    Key = "bench|" + hash,
                    CampaignId = "bench",
                    IdentityHash = hash,
                    Platform = 1,
                    WorkspaceId = "g" + (i % 50),
                    FullName = i % 3 == 0 ? null : $"Signer {i}",
                    School = $"School {i % 300}",
                    SchoolKey = $"school {i % 300}",
                    Stage = $"MS{1 + (i % 4)}",
                    Role = "Medical student",
                    SignedAtTicks = now,
                });
            }

            return count / sw.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
