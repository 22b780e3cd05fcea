using System.Diagnostics;
using System.Globalization;
using PetitionBot.Benchmarks.Support;
using PetitionBot.Hosting;
using PetitionBot.Storage.LiteDb;
using PetitionBot.Storage.LiteDb.Documents;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>The delivery packet for the whole US medical-student and resident population (250,000 signers, 2 in 3 named,
/// across 200 schools, names in several scripts): <c>petitionbot export --format pdf --out FILE</c> run as its own process,
/// timed from start to exit, with its peak resident memory (VmHWM) sampled from /proc.</summary>
internal static class PdfPacketBenchmark
{
    private static readonly string[] Given = ["Ana", "José", "Nguyễn Thị", "王", "Fatima", "Łukasz", "Chloé", "Mohammed", "Sofía", "Kwame", "Yuki", "Seo-yeon"];
    private static readonly string[] Family = ["López", "Muñoz", "Trần", "小明", "Haddad", "Kowalski", "Dubois", "Rahman", "García", "Mensah", "佐藤", "김"];

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        var size = quick ? 25_000 : 250_000;
        var dir = Path.Combine(Path.GetTempPath(), "petitionbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var settings = BenchHost.Settings(dir);
            using (var host = PetitionHost.Build(new PetitionHostOptions(HostMode.Cli, []) { Overrides = settings }))
            {
                Seed(host.Services.GetRequiredService<LiteDbContext>(), size);
            }

            var output = Path.Combine(dir, "packet.pdf");
            var (elapsed, peakBytes, exit, log) = await RunExportAsync(settings, output);
            if (exit != 0 || !log.Contains("pages", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"export --format pdf exited {exit}: {log}");
            }

            var seconds = elapsed.TotalSeconds;
            var peakMb = peakBytes / 1024.0 / 1024.0;
            var fileMb = new FileInfo(output).Length / 1024.0 / 1024.0;
            return
            [
                new BenchResult("pdf", $"export --format pdf at {size:N0} signers (process start to exit)", Math.Round(seconds, 1), "s", "< 60", seconds < 60, log.Trim()),
                new BenchResult("pdf", $"peak RSS of that process at {size:N0}", Math.Round(peakMb, 0), "MB", "< 500", peakMb < 500),
                new BenchResult("pdf", $"PDF size at {size:N0}", Math.Round(fileMb, 1), "MB", "", null),
            ];
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }
    }

    private static async Task<(TimeSpan Elapsed, long PeakBytes, int Exit, string Output)> RunExportAsync(Dictionary<string, string?> settings, string output)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = PublishedBot.Directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(PublishedBot.Dll);
        foreach (var arg in new[] { "export", "--format", "pdf", "--out", output })
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        var sw = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start petitionbot");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakRss(process.Id));
            await Task.Delay(20);
        }

        await process.WaitForExitAsync();
        sw.Stop();
        return (sw.Elapsed, peak, process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>VmHWM ("high water mark" of resident memory) of a live process, in bytes; 0 once it is gone.</summary>
    private static long PeakRss(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }

    /// <summary>Bulk-loads signatures (the packet reads only the signatures, not the aggregates).</summary>
    private static void Seed(LiteDbContext db, int size)
    {
        var start = DateTime.UtcNow.AddDays(-90);
        const int batch = 50_000;
        for (var offset = 0; offset < size; offset += batch)
        {
            var docs = new List<SignatureDoc>(batch);
            for (var i = offset; i < Math.Min(size, offset + batch); i++)
            {
                var hash = i.ToString("x24", CultureInfo.InvariantCulture);
                var school = (int)((long)i * 7919 % 200);
                docs.Add(new SignatureDoc
                {
                    Id = hash,
                    Key = "bench|" + hash,
                    CampaignId = "bench",
                    IdentityHash = hash,
                    Platform = 1 + (i % 2),
                    WorkspaceId = "g" + (i % 200),
                    FullName = i % 3 == 0 ? null : $"{Given[i % Given.Length]} {Family[(i / 7) % Family.Length]} {i}",
                    // As this version's store writes them: a school the directory does not know is "Other" with its text.
                    School = $"School of Medicine {school}",
                    SchoolId = Core.Schools.School.OtherId,
                    SchoolKey = Core.Schools.SchoolKeys.For(Core.Schools.School.OtherId, $"School of Medicine {school}"),
                    Stage = $"MS{1 + (i % 4)}",
                    Role = "Medical student",
                    Verification = i % 5 == 0 ? 1 : 0,
                    SignedAtTicks = start.AddSeconds(i * (90.0 * 86400 / size)).Ticks,
                });
            }

            db.Signatures.InsertBulk(docs);
        }

        db.Checkpoint();
    }
}
