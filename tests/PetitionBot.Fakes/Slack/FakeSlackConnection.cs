using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace PetitionBot.Fakes.Slack;

/// <summary>One Socket Mode WebSocket the fake accepted. Faults: <see cref="DisconnectAsync"/> with a reason,
/// <see cref="GoSilent"/> (half-open: no data, no pongs), <see cref="CloseAsync"/>.</summary>
public sealed class FakeSlackConnection
{
    private readonly WebSocket _socket;
    private readonly GateStream _gate;
    private readonly FakeSlackServer _server;
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeSlackConnection(int id, WebSocket socket, GateStream gate, FakeSlackServer server)
    {
        Id = id;
        _socket = socket;
        _gate = gate;
        _server = server;
        OpenedAt = DateTimeOffset.UtcNow;
    }

    public int Id { get; }

    public DateTimeOffset OpenedAt { get; }

    /// <summary>When hello was sent.</summary>
    public DateTimeOffset? HelloAt { get; private set; }

    /// <summary>When the socket ended (either side closed it, or it broke).</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Who closed first: true when the client sent the close frame (or dropped the TCP connection).</summary>
    public bool ClosedByClient { get; private set; }

    public bool IsOpen => ClosedAt is null;

    public bool IsSilent => _gate.Silent;

    public Task Closed => _closed.Task;

    /// <summary>Send {"type":"disconnect","reason":…}; the fake closes the socket itself after <paramref name="closeAfter"/>
    /// (default: at once for link_disabled and too_many_websockets, 10 s for warning and refresh_requested).</summary>
    public async Task DisconnectAsync(string reason, TimeSpan? closeAfter = null)
    {
        var message = new JsonObject
        {
            ["type"] = "disconnect",
            ["reason"] = reason,
            ["debug_info"] = new JsonObject { ["host"] = "fake-slack" },
        };
        await SendAsync(message.ToJsonString()).ConfigureAwait(false);
        var delay = closeAfter ?? (reason is "link_disabled" or "too_many_websockets" ? TimeSpan.FromMilliseconds(50) : TimeSpan.FromSeconds(10));
        _ = Task.Run(async () =>
        {
            await Task.Delay(delay).ConfigureAwait(false);
            await CloseAsync().ConfigureAwait(false);
        });
    }

    /// <summary>Stop answering anything (pings included) without closing: a half-open socket.</summary>
    public void GoSilent() => _gate.Silent = true;

    /// <summary>Close from the server side.</summary>
    public async Task CloseAsync()
    {
        if (!IsOpen || _socket.State != WebSocketState.Open)
        {
            return;
        }

        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by fake slack", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
        finally
        {
            _send.Release();
        }
    }

    internal async Task SendAsync(string text)
    {
        await _send.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }

    internal async Task RunAsync(int numConnections, CancellationToken ct)
    {
        try
        {
            var hello = new JsonObject
            {
                ["type"] = "hello",
                ["num_connections"] = numConnections,
                ["debug_info"] = new JsonObject { ["host"] = "fake-slack", ["approximate_connection_time"] = 18060 },
                ["connection_info"] = new JsonObject { ["app_id"] = "A0FAKE" },
            };
            // The time is taken before the send: a client may read hello (and close its old socket) before this send's
            // continuation runs, and "hello before the old socket closed" must compare the moment hello went out.
            var helloAt = DateTimeOffset.UtcNow;
            await SendAsync(hello.ToJsonString()).ConfigureAwait(false);
            HelloAt = helloAt;
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            // No check of ct before each read: a client that sends its close frame and drops the connection at once
            // aborts the request (ct) right after its last message, and leaving the loop on that check said "closed by
            // the server"; the read throws instead, which counts as closed by the client.
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClosedByClient = _socket.State == WebSocketState.CloseReceived;
                    if (ClosedByClient)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                    }

                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    _server.OnClientMessage(this, Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            ClosedByClient = true;
        }
        finally
        {
            ClosedAt = DateTimeOffset.UtcNow;
            _closed.TrySetResult();
        }
    }
}
