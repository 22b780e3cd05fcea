using System.Diagnostics;

namespace PetitionBot.Tests.Support;

/// <summary>Reads PDFs back with poppler-utils (pdftotext, pdfinfo, pdftoppm), as real child processes.
/// .ci/run installs poppler-utils when it is missing.</summary>
internal static class Poppler
{
    /// <summary>The text of the PDF (or of pages first..last), in reading layout.</summary>
    public static async Task<string> TextAsync(string pdfPath, int? first = null, int? last = null)
    {
        var args = new List<string> { "-layout", "-enc", "UTF-8" };
        if (first is { } f)
        {
            args.AddRange(["-f", f.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (last is { } l)
        {
            args.AddRange(["-l", l.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        args.AddRange([pdfPath, "-"]);
        return await RunAsync("pdftotext", args);
    }

    /// <summary>pdfinfo's "Key: value" lines.</summary>
    public static async Task<Dictionary<string, string>> InfoAsync(string pdfPath)
    {
        var text = await RunAsync("pdfinfo", [pdfPath]);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());
    }

    public static async Task<string> RunAsync(string tool, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start (install poppler-utils).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}
