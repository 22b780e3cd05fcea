using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PetitionBot.Tests.VerifiedSigners;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1 that takes the conversation and refuses every
/// message with 554, as a mail server that will not take the mail does.</summary>
internal sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly RefusingStore _store;
    private readonly Task _running;

    private RefusingSmtpServer(int port, CancellationTokenSource stop, RefusingStore store, Task running)
    {
        Port = port;
        _stop = stop;
        _store = store;
        _running = running;
    }

    public int Port { get; }

    /// <summary>Messages the server was offered and refused.</summary>
    public int Refused => _store.Count;

    /// <summary>Starts the server and returns once it accepts connections.</summary>
    public static async Task<RefusingSmtpServer> StartAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var store = new RefusingStore();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        var stop = new CancellationTokenSource();
        var running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (attempt < 50)
            {
                await Task.Delay(20);
            }
        }

        return new RefusingSmtpServer(port, stop, store, running);
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
    }

    private sealed class RefusingStore : MessageStore
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(new SmtpResponse(SmtpReplyCode.TransactionFailed, "5.7.1 Message refused"));
        }
    }
}
