using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PetitionBot.Tests.Support;

/// <summary>A real SMTP server in this process (the SmtpServer package) on 127.0.0.1 and a free port. It keeps every
/// message it accepts, can offer STARTTLS with a self-signed certificate made here, and can refuse every message with
/// a 5xx reply (<see cref="RefuseWith"/>).</summary>
internal sealed partial class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    private SmtpTestServer(bool startTls)
    {
        Port = FreePort();
        if (startTls)
        {
            Certificate = SelfSignedCertificate();
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false).AllowUnsecureAuthentication(true);
                if (Certificate is not null)
                {
                    e.Certificate(Certificate);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The self-signed certificate offered for STARTTLS; null without TLS.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The certificate's SHA-256 fingerprint in hex, for <c>Email:Smtp:TrustedCertificateThumbprint</c>.</summary>
    public string? CertificateSha256 => Certificate?.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>When set, every message is answered with this reply (e.g. 550) instead of being kept.</summary>
    public SmtpReplyCode? RefuseWith { get; set; }

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>Configuration for the host's <c>Email</c> section that sends through this server.</summary>
    public Dictionary<string, string?> Settings(string from = "petitions@example.org") => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = Certificate is null ? "None" : "StartTls",
        ["Email:Smtp:TrustedCertificateThumbprint"] = CertificateSha256,
        ["Email:From"] = from,
    };

    public static Task<SmtpTestServer> StartAsync(bool startTls = false) => Task.FromResult(new SmtpTestServer(startTls));

    /// <summary>Waits until <paramref name="count"/> messages have arrived in all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (_messages.Count < count)
        {
            await _arrived.WaitAsync(cts.Token);
        }

        return Messages;
    }

    /// <summary>The 6-digit code in a message's text, or null.</summary>
    public static string? ReadCode(MimeMessage message) =>
        CodePattern().Match(message.TextBody ?? string.Empty) is { Success: true } m ? m.Groups[1].Value : null;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            // StartAsync ends by cancellation: the expected way to stop.
        }

        _stop.Dispose();
        _arrived.Dispose();
        Certificate?.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // SslStream on Linux needs the key in an exportable, loadable form.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    [GeneratedRegex(@"\b(\d{6})\b")]
    private static partial Regex CodePattern();

    private sealed class Store(SmtpTestServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.RefuseWith is { } code)
            {
                return Task.FromResult(new SmtpResponse(code, "refused by the test server"));
            }

            using var stream = new MemoryStream(buffer.ToArray());
            owner._messages.Enqueue(MimeMessage.Load(stream, cancellationToken));
            owner._arrived.Release();
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
