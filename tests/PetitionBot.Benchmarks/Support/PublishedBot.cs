using System.Diagnostics;

namespace PetitionBot.Benchmarks.Support;

/// <summary>Where the bot processes of a run come from. By default the bot is published the way the Dockerfile ships
/// it (<c>dotnet publish src/PetitionBot -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true</c>),
/// once per run into a temp folder, so start-up and the first traffic after start are measured on the code that ships
/// (precompiled, not the JIT's first tier). <c>--bot build</c> runs the build output beside the benchmark instead.</summary>
internal static class PublishedBot
{
    private static string? _directory;

    /// <summary>The folder holding <c>petitionbot.dll</c>.</summary>
    public static string Directory => _directory ?? AppContext.BaseDirectory;

    /// <summary>How the bot was built, for the results' notes.</summary>
    public static string Description { get; private set; } = "build output (dotnet build -c Release, JIT)";

    public static string Dll => Path.Combine(Directory, "petitionbot.dll");

    /// <summary>Deletes the published folder (the run's own; the build output is left alone).</summary>
    public static void Remove()
    {
        if (_directory is { } published && System.IO.Directory.Exists(published))
        {
            System.IO.Directory.Delete(published, recursive: true);
        }
    }

    public static async Task PrepareAsync(bool publish)
    {
        if (!publish)
        {
            return;
        }

        var output = Path.Combine(Path.GetTempPath(), "petitionbot-bench-bot", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "publish", Path.Combine(PetitionBot.Storage.LiteDb.Tests.TestPostgres.RepositoryRoot(), "src", "PetitionBot", "PetitionBot.csproj"),
            "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output,
        })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet publish");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(Path.Combine(output, "petitionbot.dll")))
        {
            throw new InvalidOperationException($"dotnet publish of the bot failed (exit {process.ExitCode}); run with --bot build to use the build output.\n{await stdout}\n{await stderr}");
        }

        _directory = output;
        Description = "published as the Dockerfile does (linux-x64, ReadyToRun)";
        Console.WriteLine($"Bot published with ReadyToRun in {sw.Elapsed.TotalSeconds:0} s: {output}");
    }
}
