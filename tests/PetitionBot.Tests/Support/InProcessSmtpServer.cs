using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PetitionBot.Tests.Support;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port, for tests. It keeps every message
/// it accepts; with <see cref="StartAsync"/>'s <c>tls</c> it offers STARTTLS with a self-signed certificate made here;
/// with <c>refuse</c> it answers every message with 554. It counts the SMTP sessions (connections) it was given.</summary>
public sealed class InProcessSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;
    private readonly CapturingStore _store;
    private readonly ConcurrentDictionary<Guid, byte> _ended;

    private InProcessSmtpServer(int port, X509Certificate2? certificate, CapturingStore store, CancellationTokenSource stop, Task running,
        ConcurrentDictionary<Guid, byte> ended)
    {
        _ended = ended;
        Port = port;
        Certificate = certificate;
        _store = store;
        _stop = stop;
        _running = running;
    }

    public int Port { get; }

    /// <summary>The server's certificate when it offers STARTTLS (trust it by <see cref="Thumbprint"/>).</summary>
    public X509Certificate2? Certificate { get; }

    public string? Thumbprint => Certificate?.GetCertHashString(HashAlgorithmName.SHA256);

    public IReadOnlyCollection<MimeMessage> Messages => _store.Messages;

    /// <summary>Called with each accepted message as it is stored (on the server's thread), for a reader that must not
    /// poll <see cref="Messages"/>.</summary>
    public Action<MimeMessage>? OnMessage
    {
        get => _store.OnMessage;
        set => _store.OnMessage = value;
    }

    /// <summary>SMTP sessions (client connections) that carried at least one message.</summary>
    public int Sessions => _store.Sessions.Count;

    /// <summary>Of <see cref="Sessions"/>, those the client has ended (QUIT).</summary>
    public int SessionsEnded => _store.Sessions.Keys.Count(_ended.ContainsKey);

    /// <summary>How many messages were offered and refused.</summary>
    public int Refused => _store.RefusedCount;

    /// <summary>Whether the last accepted message arrived over TLS.</summary>
    public bool LastWasSecure => _store.LastSecure;

    /// <param name="port">A port to listen on (another server's, to play a relay restarted); a free one when 0.</param>
    public static async Task<InProcessSmtpServer> StartAsync(bool tls = false, bool refuse = false, int port = 0)
    {
        port = port == 0 ? FreePort() : port;
        var certificate = tls ? SelfSigned() : null;
        var store = new CapturingStore(refuse);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, port));
                if (certificate is not null)
                {
                    e.Certificate(certificate);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        var stop = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(options, services);
        var ended = new ConcurrentDictionary<Guid, byte>();
        server.SessionCompleted += (_, e) => ended.TryAdd(e.Context.SessionId, 0);
        var running = server.StartAsync(stop.Token);
        await WaitListeningAsync(port);
        return new InProcessSmtpServer(port, certificate, store, stop, running, ended);
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived (at most 10 s).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_store.Messages.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return _store.Messages.ToList();
    }

    /// <summary>A loopback port nothing listens on (for "unreachable").</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }

        _stop.Dispose();
        Certificate?.Dispose();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    private static async Task WaitListeningAsync(int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(20);
            }
        }
    }

    private sealed class CapturingStore(bool refuse) : MessageStore
    {
        private readonly ConcurrentQueue<MimeMessage> _messages = new();
        private int _refused;

        public IReadOnlyCollection<MimeMessage> Messages => _messages;

        public ConcurrentDictionary<Guid, byte> Sessions { get; } = new();

        public int RefusedCount => Volatile.Read(ref _refused);

        public bool LastSecure { get; private set; }

        public Action<MimeMessage>? OnMessage { get; set; }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (refuse)
            {
                Interlocked.Increment(ref _refused);
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.7.1 Message refused");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            LastSecure = context.Pipe?.IsSecure ?? false;
            Sessions.TryAdd(context.SessionId, 0);
            _messages.Enqueue(message);
            OnMessage?.Invoke(message);
            return SmtpResponse.Ok;
        }
    }
}
