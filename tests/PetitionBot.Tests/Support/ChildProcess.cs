using System.Diagnostics;

namespace PetitionBot.Tests.Support;

/// <summary>Runs the real petitionbot binary (built beside the tests) as a separate process.</summary>
internal static class ChildProcess
{
    public static string BinaryPath => System.IO.Path.Combine(AppContext.BaseDirectory, "petitionbot.dll");

    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, args, null);

    public static Process Start(string workingDirectory, string[] args, IDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BinaryPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return Process.Start(info)!;
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, string[] args, string input = "",
        IDictionary<string, string>? environment = null)
    {
        using var process = Start(workingDirectory, args, environment);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public static string[] ConfigArgs(IDictionary<string, string?> settings) =>
        settings.Select(kv => $"--{kv.Key}={kv.Value}").ToArray();
}
