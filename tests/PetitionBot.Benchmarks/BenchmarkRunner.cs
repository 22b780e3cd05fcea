using System.Globalization;
using System.Text.Json;
using PetitionBot.Benchmarks.Scenarios;
using PetitionBot.Benchmarks.Support;

namespace PetitionBot.Benchmarks;

/// <summary>Runs the scenarios, prints one table and writes it as JSON.
/// <c>dotnet run -c Release --project tests/PetitionBot.Benchmarks -- [--quick] [--only a,b] [--out FILE] [--bot build]</c>.</summary>
internal static class BenchmarkRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var only = Arg(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var outPath = Arg(args, "--out") ?? "benchmark-results.json";
        bool Want(string name) => only is null || only.Contains(name);

        // These scenarios run the bot as its own process: publish it once, as it ships.
        if (new[] { "discord", "fanout", "pdf", "email-sign", "memory", "postgres-2p", "postgres-idle" }.Any(Want))
        {
            await PublishedBot.PrepareAsync(publish: Arg(args, "--bot") != "build");
        }

        try
        {
            var results = new List<BenchResult>();
            if (Want("ingest"))
            {
                results.AddRange(await StoreIngestBenchmark.RunAsync(quick ? 2_000 : 5_000, quick ? 2 : 3));
            }

            if (Want("totals"))
            {
                results.AddRange(await TotalsBenchmark.RunAsync(quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]));
            }

            foreach (var extra in ExtraScenarios.All)
            {
                if (Want(extra.Name))
                {
                    results.AddRange(await extra.Run(quick));
                }
            }

            Print(results);
            await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(new
            {
                machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
                runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                at = DateTimeOffset.UtcNow,
                quick,
                bot = PublishedBot.Description,
                results,
            }, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"\nWritten to {Path.GetFullPath(outPath)}");
            return 0;
        }
        finally
        {
            PublishedBot.Remove();
        }
    }

    private static void Print(IReadOnlyList<BenchResult> results)
    {
        Console.WriteLine($"\n| scenario | metric | value | unit | target | met | note |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var met = r.Met switch { true => "yes", false => "NO", null => "" };
            Console.WriteLine($"| {r.Scenario} | {r.Metric} | {r.Value.ToString("G", CultureInfo.InvariantCulture)} | {r.Unit} | {r.Target} | {met} | {r.Note} |");
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
