using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace PetitionBot.Slack.SocketMode;

/// <summary><see cref="ClientWebSocket"/> with ping/pong keep-alive: a socket whose pong stops coming back is aborted,
/// so the read loop ends and the connection is replaced (the half-open socket problem).</summary>
internal sealed class WebSocketTransport(TimeSpan keepAliveInterval, TimeSpan keepAliveTimeout) : ISocketModeTransport
{
    private readonly ClientWebSocket _socket = new();

    public async Task ConnectAsync(Uri url, CancellationToken ct = default)
    {
        _socket.Options.KeepAliveInterval = keepAliveInterval;
        _socket.Options.KeepAliveTimeout = keepAliveTimeout;
        await _socket.ConnectAsync(url, ct).ConfigureAwait(false);
    }

    public async Task<string?> ReceiveAsync(CancellationToken ct = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), ct).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length) : string.Empty;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task SendAsync(string text, CancellationToken ct = default) =>
        _socket.SendAsync(new ReadOnlyMemory<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, true, ct).AsTask();

    public async Task CloseAsync(CancellationToken ct = default)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
