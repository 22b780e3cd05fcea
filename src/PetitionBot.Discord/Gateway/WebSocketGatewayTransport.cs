using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace PetitionBot.Discord.Gateway;

/// <summary><see cref="IGatewayTransport"/> over <see cref="ClientWebSocket"/> (JSON text frames, no compression).</summary>
internal sealed class WebSocketGatewayTransport : IGatewayTransport
{
    private readonly ClientWebSocket _socket = new();

    public Task ConnectAsync(Uri uri, CancellationToken ct = default) => _socket.ConnectAsync(uri, ct);

    public Task SendAsync(string text, CancellationToken ct = default) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken ct = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                WebSocketReceiveResult result;
                try
                {
                    result = await _socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
                }
                catch (WebSocketException)
                {
                    return GatewayFrame.Closed(null);
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return GatewayFrame.Closed((int?)result.CloseStatus);
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return GatewayFrame.Message(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task CloseAsync(int code, CancellationToken ct = default)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, null, ct).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                _socket.Abort();
            }
        }
        else
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
