using System.Diagnostics;
using System.Globalization;

namespace PetitionBot.Benchmarks.Support;

/// <summary>The real petitionbot binary (<see cref="PublishedBot"/>: as the Dockerfile publishes it, or the build beside the
/// benchmark) run as its own process, so its memory and start time are its own and not the load driver's or the fakes'.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private BotProcess(Process process, long startedAt)
    {
        _process = process;
        StartedAt = startedAt;
    }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedAt { get; }

    public DateTimeOffset StartedAtUtc { get; private init; }

    public bool HasExited => _process.HasExited;

    public static BotProcess Start(IDictionary<string, string?> settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = PublishedBot.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(PublishedBot.Dll);
        info.ArgumentList.Add("run");
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var utc = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start petitionbot");
        var bot = new BotProcess(process, started) { StartedAtUtc = utc };
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    public int Id => _process.Id;

    /// <summary>CPU time the bot used so far (user + system).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Resident set size now (VmRSS), in MB.</summary>
    public double RssMb => StatusKb("VmRSS:") / 1024.0;

    /// <summary>Peak resident set size so far (VmHWM), in MB.</summary>
    public double PeakRssMb => StatusKb("VmHWM:") / 1024.0;

    /// <summary>The last lines the bot logged (for failures).</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }

    private long StatusKb(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(cts.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _process.Dispose();
    }
}
