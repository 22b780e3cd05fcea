using System.Buffers.Binary;
using System.Diagnostics;

namespace PetitionBot.Tests.Support;

/// <summary>Debian's <c>chromium</c> run headless as a child process (installed by .ci/run when missing), with a fresh
/// profile each time and nothing running in the background.</summary>
internal sealed class HeadlessChromium : IDisposable
{
    private readonly TempDirectory _profiles = new();

    /// <summary>The DOM after the page loaded, serialized.</summary>
    public Task<string> DumpDomAsync(Uri url) => RunAsync(["--dump-dom", url.AbsoluteUri]);

    /// <summary>A PNG screenshot at the given window size; returns its pixel width and height.</summary>
    public async Task<(int Width, int Height)> ScreenshotAsync(Uri url, string path, int width, int height)
    {
        await RunAsync([$"--screenshot={path}", $"--window-size={width},{height}", "--hide-scrollbars", url.AbsoluteUri]);
        var header = new byte[24];
        await using (var png = File.OpenRead(path))
        {
            await png.ReadExactlyAsync(header);
        }

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], header[..4]);
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(20)));
    }

    public void Dispose() => _profiles.Dispose();

    private async Task<string> RunAsync(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var flag in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                 })
        {
            info.ArgumentList.Add(flag);
        }

        info.ArgumentList.Add("--user-data-dir=" + Path.Combine(_profiles.Path, Guid.NewGuid().ToString("N")));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("chromium did not start (install chromium).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {await error}");
        return await output;
    }
}
