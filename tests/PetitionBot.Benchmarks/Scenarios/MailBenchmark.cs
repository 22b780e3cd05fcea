using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PetitionBot.Benchmarks.Support;
using PetitionBot.Core.Email;
using PetitionBot.Email;
using PetitionBot.Tests.Support;
using System.Text.RegularExpressions;

namespace PetitionBot.Benchmarks.Scenarios;

/// <summary>1,000 verification codes through the MailKit mailer (<see cref="MailKitVerificationMailer"/>) to the in-process SMTP server (a new connection per
/// message, as in production): over STARTTLS with the pinned self-signed certificate, 8 at a time, and over a plain
/// connection 8 at a time (the mailer is called off the interaction path, one call per signer); every code must arrive.
/// A plain one-at-a-time run is shown too. Target: under 30 s for the 1,000.</summary>
internal static class MailBenchmark
{
    private const int Codes = 1_000;
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(bool quick)
    {
        _ = quick;
        return
        [
            await SendAsync(startTls: true, concurrency: 8),
            await SendAsync(startTls: false, concurrency: 8),
            await SendAsync(startTls: false, concurrency: 1, informational: true),
        ];
    }

    /// <summary><paramref name="informational"/>: one at a time, each message waits ~45 ms for the test server's
    /// pipelined replies (SmtpServer writes each reply alone and Nagle holds the second until the client's delayed
    /// ACK; measured 52 ms per send with PIPELINING, 8 ms without). Shown, not judged: real relays batch those replies.</summary>
    private static async Task<BenchResult> SendAsync(bool startTls, int concurrency, bool informational = false)
    {
        await using var server = await InProcessSmtpServer.StartAsync(tls: startTls);
        var options = new EmailOptions
        {
            From = "petitions@example.org",
            Smtp = new SmtpOptions
            {
                Host = "127.0.0.1",
                Port = server.Port,
                Security = startTls ? SmtpSecurity.StartTls : SmtpSecurity.None,
                TrustedCertificateThumbprint = server.Thumbprint,
            },
        };
        var mailer = new MailKitVerificationMailer(Options.Create(options), TimeProvider.System, NullLogger<MailKitVerificationMailer>.Instance);
        var codes = Enumerable.Range(0, Codes).Select(i => (100_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var failures = 0;

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            codes,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (code, ct) =>
            {
                var result = await mailer.SendCodeAsync(new VerificationCodeMail($"s{code}@med.example.edu", "Bench campaign", code, TimeSpan.FromMinutes(10)), ct);
                if (!result.Sent)
                {
                    Interlocked.Increment(ref failures);
                }
            });
        var received = await server.WaitForAsync(Codes - failures);
        clock.Stop();

        var readBack = received.Select(m => Regex.Match(m.TextBody ?? "", @"\b(\d{6})\b").Groups[1].Value).ToHashSet();
        var allArrived = failures == 0 && readBack.SetEquals(codes);
        var mode = startTls ? "STARTTLS" : "plain";
        return new BenchResult(
            "mail",
            $"{Codes:N0} codes, {mode}, {concurrency} at a time",
            Math.Round(clock.Elapsed.TotalSeconds, 2),
            "s",
            informational ? "(shown only)" : $"< {Target.TotalSeconds:0} s, all arrive",
            informational ? null : allArrived && clock.Elapsed < Target,
            $"{failures} failed, {readBack.Count} distinct codes read back; {Codes / clock.Elapsed.TotalSeconds:0} codes/s");
    }
}
