using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PetitionBot.Tests.Support;

namespace PetitionBot.Benchmarks.Support;

/// <summary>The tests' SMTP server (<see cref="InProcessSmtpServer"/>, the SmtpServer package) run in a process of its own
/// (this benchmark's binary with <c>--smtp-sink</c>), so receiving and parsing a thousand messages does not take CPU from
/// the load driver that times the acks. It prints <c>PORT n</c>, then <c>CODE address code</c> for each message.</summary>
internal static partial class SmtpSink
{
    public const string Argument = "--smtp-sink";

    /// <summary>The child's side: serve until stdin closes.</summary>
    public static async Task<int> ServeAsync()
    {
        await using var server = await InProcessSmtpServer.StartAsync();
        // Each message is reported as it is stored (no polling of the growing message list).
        server.OnMessage = message =>
        {
            var to = message.To.Mailboxes.FirstOrDefault()?.Address;
            if (to is not null && Code().Match(message.TextBody ?? "") is { Success: true } code)
            {
                Console.WriteLine($"CODE {to} {code.Value}");
            }
        };
        Console.WriteLine($"PORT {server.Port.ToString(CultureInfo.InvariantCulture)}");
        await Task.Run(() => Console.In.ReadToEnd());
        return 0;
    }

    /// <summary>The driver's side: starts the child; <paramref name="onCode"/> gets each (address, code).</summary>
    public static async Task<(Process Process, int Port)> StartAsync(Action<string, string> onCode)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(SmtpSink).Assembly.Location);
        info.ArgumentList.Add(Argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the SMTP sink");
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            var parts = e.Data?.Split(' ');
            if (parts is ["PORT", var p])
            {
                port.TrySetResult(int.Parse(p, CultureInfo.InvariantCulture));
            }
            else if (parts is ["CODE", var address, var code])
            {
                onCode(address, code);
            }
        };
        process.BeginOutputReadLine();
        return (process, await port.Task.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex Code();
}
