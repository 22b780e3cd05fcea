using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PetitionBot.Core.Email;
using PetitionBot.Core.Telemetry;
using PetitionBot.Email;
using PetitionBot.Tests.Support;
using SmtpServer.Protocol;

namespace PetitionBot.Tests.Email;

/// <summary>The MailKit mailer against a real SMTP server in this process (plain and STARTTLS), a refusing server, a
/// closed port, and the pickup folder.</summary>
public sealed class VerificationMailerTests : IDisposable
{
    private const string Address = "jane.doe@med.example.edu";

    private static readonly VerificationCodeMail Mail = new(Address, "Protect residents' hours", "482913", TimeSpan.FromMinutes(10));

    private readonly TempDirectory _dir = new();
    private readonly LogRecorder _logs = new();

    public void Dispose()
    {
        _dir.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task SendCodeAsync_PlainSmtp_ServerReceivesCodeAndExplanation()
    {
        await using var server = await SmtpTestServer.StartAsync();

        var result = await Mailer(server.Settings()).SendCodeAsync(Mail);

        Assert.Equal(MailSendResult.Ok(), result);
        var message = Assert.Single(await server.WaitForMessagesAsync(1));
        Assert.Equal("482913", SmtpTestServer.ReadCode(message));
        Assert.Equal(Address, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("petitions@example.org", Assert.Single(message.From.Mailboxes).Address);
        var text = message.TextBody;
        Assert.Contains("PetitionBot", text, StringComparison.Ordinal);
        Assert.Contains("\"Protect residents' hours\"", text, StringComparison.Ordinal);
        Assert.Contains("10 minutes", text, StringComparison.Ordinal);
        Assert.Contains("only message", text, StringComparison.Ordinal);
        Assert.Contains("ignore this message", text, StringComparison.Ordinal);
        Assert.DoesNotContain("http", text, StringComparison.OrdinalIgnoreCase);
        Assert.Null(message.HtmlBody);
        Assert.Empty(message.Attachments);
    }

    [Fact]
    public async Task SendCodeAsync_StartTlsWithPinnedCertificate_ServerReceivesCode()
    {
        await using var server = await SmtpTestServer.StartAsync(startTls: true);

        var result = await Mailer(server.Settings()).SendCodeAsync(Mail);

        Assert.True(result.Sent, result.Failure.ToString());
        Assert.Equal("482913", SmtpTestServer.ReadCode(Assert.Single(await server.WaitForMessagesAsync(1))));
    }

    [Fact]
    public async Task SendCodeAsync_StartTlsSelfSignedNotPinned_UnreachableNothingSent()
    {
        await using var server = await SmtpTestServer.StartAsync(startTls: true);
        var settings = server.Settings();
        settings["Email:Smtp:TrustedCertificateThumbprint"] = null;

        var result = await Mailer(settings).SendCodeAsync(Mail);

        Assert.Equal(new MailSendResult(false, MailFailure.Unreachable), result);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendCodeAsync_StartTlsOtherCertificatePinned_UnreachableNothingSent()
    {
        await using var server = await SmtpTestServer.StartAsync(startTls: true);
        var settings = server.Settings();
        settings["Email:Smtp:TrustedCertificateThumbprint"] = new string('A', 64);

        var result = await Mailer(settings).SendCodeAsync(Mail);

        Assert.Equal(MailFailure.Unreachable, result.Failure);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task SendCodeAsync_ServerRefuses5xx_RefusedCountedLoggedWithoutAddress()
    {
        await using var server = await SmtpTestServer.StartAsync();
        server.RefuseWith = SmtpReplyCode.MailboxUnavailable;
        using var counted = new MailCounter();

        var result = await Mailer(server.Settings()).SendCodeAsync(Mail);

        Assert.Equal(new MailSendResult(false, MailFailure.Refused), result);
        Assert.Empty(server.Messages);
        Assert.Equal(1, counted.Of("refused"));
        var warning = Assert.Single(_logs.AtLeast(LogLevel.Warning));
        Assert.Contains("Refused", warning.Message, StringComparison.Ordinal);
        Assert.Contains("550", warning.Message, StringComparison.Ordinal);
        Assert.All(_logs.Entries, e => Assert.DoesNotContain("jane", e.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.All(_logs.Entries, e => Assert.DoesNotContain("482913", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendCodeAsync_NothingListening_UnreachableCountedLoggedWithoutAddress()
    {
        int port;
        await using (var gone = await SmtpTestServer.StartAsync())
        {
            port = gone.Port;
        }

        using var counted = new MailCounter();
        var result = await Mailer(new()
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = "petitions@example.org",
        }).SendCodeAsync(Mail);

        Assert.Equal(new MailSendResult(false, MailFailure.Unreachable), result);
        Assert.Equal(1, counted.Of("unreachable"));
        Assert.Single(_logs.AtLeast(LogLevel.Warning));
        Assert.All(_logs.Entries, e => Assert.DoesNotContain("jane", e.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SendCodeAsync_NoHost_WritesParseableEmlOwnerOnly()
    {
        var folder = Path.Combine(_dir.Path, "data", "mail");

        var result = await Mailer(new() { ["Email:PickupDirectory"] = folder }).SendCodeAsync(Mail);

        Assert.True(result.Sent);
        Assert.NotNull(result.PickupPath);
        Assert.Equal(folder, Path.GetDirectoryName(result.PickupPath));
        Assert.EndsWith(".eml", result.PickupPath, StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(result.PickupPath);
        Assert.Equal("482913", SmtpTestServer.ReadCode(message));
        Assert.Equal(Address, Assert.Single(message.To.Mailboxes).Address);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(result.PickupPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }
    }

    [Fact]
    public async Task SendCodeAsync_TwoCodesToPickup_TwoFiles()
    {
        var mailer = Mailer(new() { ["Email:PickupDirectory"] = _dir.Path });

        var first = await mailer.SendCodeAsync(Mail);
        var second = await mailer.SendCodeAsync(Mail with { Code = "111222" });

        Assert.NotEqual(first.PickupPath, second.PickupPath);
        Assert.Equal(2, Directory.GetFiles(_dir.Path, "*.eml").Length);
    }

    private VerificationMailer Mailer(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new EmailOptions();
        configuration.GetSection(EmailOptions.SectionName).Bind(options);
        options.Smtp.Timeout = TimeSpan.FromSeconds(5);
        var validation = new EmailOptionsValidation().Validate(null, options);
        Assert.True(validation.Succeeded, validation.FailureMessage);
        using var factory = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        return new VerificationMailer(Options.Create(options), TimeProvider.System, factory.CreateLogger<VerificationMailer>());
    }

    /// <summary>Counts <see cref="BotMetrics.MailSends"/> by outcome while it lives (other tests may send at the same time,
    /// so only outcomes this test causes are asserted).</summary>
    private sealed class MailCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _counts = new();

        public MailCounter()
        {
            _listener.InstrumentPublished = (i, l) =>
            {
                if (ReferenceEquals(i, BotMetrics.MailSends))
                {
                    l.EnableMeasurementEvents(i);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "outcome")
                    {
                        _counts.AddOrUpdate((string)tag.Value!, value, (_, v) => v + value);
                    }
                }
            });
            _listener.Start();
        }

        public long Of(string outcome) => _counts.GetValueOrDefault(outcome);

        public void Dispose() => _listener.Dispose();
    }
}
