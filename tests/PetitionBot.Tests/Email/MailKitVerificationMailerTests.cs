using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using PetitionBot.Core.Email;
using PetitionBot.Core.Telemetry;
using PetitionBot.Email;
using PetitionBot.Tests.Support;

namespace PetitionBot.Tests.Email;

public sealed class MailKitVerificationMailerTests
{
    private static readonly VerificationCodeMail Mail = new("ana.lopez@ucsf.edu", "Reinstate the Sensitive Areas policy", "482913", TimeSpan.FromMinutes(10));

    [Fact]
    public async Task SendCodeAsync_PlainSmtp_MessageCarriesCodeSenderAndWhyAndNoLinks()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();

        var result = await Mailer(Smtp(smtp.Port, SmtpSecurity.None)).SendCodeAsync(Mail);

        Assert.Equal(MailSendResult.Ok(), result);
        var message = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("ana.lopez@ucsf.edu", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("petition@example.org", Assert.Single(message.From.Mailboxes).Address);
        var body = message.TextBody;
        Assert.Contains("482913", body, StringComparison.Ordinal);
        Assert.Contains("Reinstate the Sensitive Areas policy", body, StringComparison.Ordinal);
        Assert.Contains("10 minutes", body, StringComparison.Ordinal);
        Assert.Contains("only message", body, StringComparison.Ordinal);
        Assert.DoesNotContain("http", body, StringComparison.OrdinalIgnoreCase);
        Assert.Null(message.HtmlBody);
    }

    [Fact]
    public async Task SendCodeAsync_StartTlsWithPinnedCertificate_DeliveredOverTls()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync(tls: true);
        var options = Smtp(smtp.Port, SmtpSecurity.StartTls);
        options.Smtp.TrustedCertificateThumbprint = smtp.Thumbprint;

        var result = await Mailer(options).SendCodeAsync(Mail);

        Assert.True(result.Sent, result.ToString());
        var message = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Contains("482913", message.TextBody, StringComparison.Ordinal);
        Assert.True(smtp.LastWasSecure);
    }

    [Fact]
    public async Task SendCodeAsync_StartTlsCertificateNotTrusted_UnreachableAndNothingSent()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync(tls: true);

        var result = await Mailer(Smtp(smtp.Port, SmtpSecurity.StartTls)).SendCodeAsync(Mail);

        Assert.Equal(new MailSendResult(false, MailFailure.Unreachable), result);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task SendCodeAsync_StartTlsNotOffered_UnreachableRatherThanPlainText()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync(tls: false);

        var result = await Mailer(Smtp(smtp.Port, SmtpSecurity.StartTls)).SendCodeAsync(Mail);

        Assert.False(result.Sent);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task SendCodeAsync_ServerRefuses5xx_RefusedAndCountedWithoutTheAddress()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync(refuse: true);
        using var failures = new FailureCounter();
        using var log = new LogRecorder();

        var result = await Mailer(Smtp(smtp.Port, SmtpSecurity.None), log).SendCodeAsync(Mail);

        Assert.Equal(new MailSendResult(false, MailFailure.Refused), result);
        Assert.Equal(1, smtp.Refused);
        Assert.Equal(1, failures.Count("refused"));
        Assert.Contains(log.Entries, e => e.Message.Contains("refused", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("ucsf", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("482913", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendCodeAsync_TenCodesInARow_OneConnectionCarriesThemAll()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        await using var mailer = Mailer(Smtp(smtp.Port, SmtpSecurity.None));

        for (var i = 0; i < 10; i++)
        {
            Assert.True((await mailer.SendCodeAsync(Mail with { To = $"s{i}@ucsf.edu" })).Sent);
        }

        Assert.Equal(10, (await smtp.WaitForAsync(10)).Count);
        Assert.Equal(1, smtp.Sessions);
    }

    [Fact]
    public async Task SendCodeAsync_RelayRestartedWhileTheConnectionWasIdle_SentOnANewConnection()
    {
        var first = await InProcessSmtpServer.StartAsync();
        var port = first.Port;
        await using var mailer = Mailer(Smtp(port, SmtpSecurity.None));
        Assert.True((await mailer.SendCodeAsync(Mail)).Sent);
        await first.DisposeAsync();
        await using var second = await InProcessSmtpServer.StartAsync(port: port);

        var result = await mailer.SendCodeAsync(Mail with { Code = "111222" });

        Assert.Equal(MailSendResult.Ok(), result);
        var message = Assert.Single(await second.WaitForAsync(1));
        Assert.Contains("111222", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_ConnectionKeptOpen_EndedWithQuit()
    {
        await using var smtp = await InProcessSmtpServer.StartAsync();
        var mailer = Mailer(Smtp(smtp.Port, SmtpSecurity.None));
        Assert.True((await mailer.SendCodeAsync(Mail)).Sent);
        await smtp.WaitForAsync(1);
        Assert.Equal(0, smtp.SessionsEnded);

        await mailer.DisposeAsync();

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (smtp.SessionsEnded == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, smtp.SessionsEnded);
    }

    [Fact]
    public async Task SendCodeAsync_NothingListening_UnreachableWithinTheTimeout()
    {
        using var failures = new FailureCounter();
        var started = DateTime.UtcNow;

        var result = await Mailer(Smtp(InProcessSmtpServer.FreePort(), SmtpSecurity.None)).SendCodeAsync(Mail);

        Assert.Equal(new MailSendResult(false, MailFailure.Unreachable), result);
        Assert.Equal(1, failures.Count("unreachable"));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task SendCodeAsync_NoHost_WritesOwnerOnlyEmlToThePickupFolder()
    {
        using var dir = new TempDirectory();
        var pickup = Path.Combine(dir.Path, "mail");

        var result = await Mailer(new EmailOptions { From = "petition@example.org", PickupDirectory = pickup }).SendCodeAsync(Mail);

        Assert.True(result.Sent);
        Assert.NotNull(result.PickupPath);
        Assert.Equal(pickup, Path.GetDirectoryName(result.PickupPath));
        var message = await MimeMessage.LoadAsync(result.PickupPath);
        Assert.Contains("482913", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("ana.lopez@ucsf.edu", Assert.Single(message.To.Mailboxes).Address);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(result.PickupPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(pickup));
        }
    }

    [Theory]
    [InlineData("not an address", "Email:From")]
    [InlineData("", "Email:From")]
    public void Validate_BadFrom_FailsNamingTheKey(string from, string key)
    {
        var result = new EmailOptionsValidation().Validate(null, new EmailOptions { From = from });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UsernameWithoutPassword_FailsNamingThePassword()
    {
        var options = new EmailOptions { Smtp = { Host = "smtp.example.org", Username = "bot" } };

        var result = new EmailOptionsValidation().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Email:Smtp:Password", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new EmailOptionsValidation().Validate(null, new EmailOptions()).Succeeded);
    }

    internal static EmailOptions Smtp(int port, SmtpSecurity security) => new()
    {
        From = "PetitionBot <petition@example.org>",
        Smtp = { Host = "127.0.0.1", Port = port, Security = security, Timeout = TimeSpan.FromSeconds(5) },
    };

    internal static MailKitVerificationMailer Mailer(EmailOptions options, LogRecorder? log = null) =>
        new(Options.Create(options), TimeProvider.System,
            log is null ? NullLogger<MailKitVerificationMailer>.Instance : new Logger<MailKitVerificationMailer>(new LoggerFactory([log])));

    /// <summary>Counts <c>petitionbot_mail_failures</c> measurements by reason while alive.</summary>
    private sealed class FailureCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

        public FailureCounter()
        {
            _listener.InstrumentPublished = (i, l) =>
            {
                if (ReferenceEquals(i, BotMetrics.MailFailures))
                {
                    l.EnableMeasurementEvents(i);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, m, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "reason" && tag.Value is string reason)
                    {
                        lock (_counts)
                        {
                            _counts[reason] = _counts.GetValueOrDefault(reason) + (int)m;
                        }
                    }
                }
            });
            _listener.Start();
        }

        public int Count(string reason)
        {
            lock (_counts)
            {
                return _counts.GetValueOrDefault(reason);
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
