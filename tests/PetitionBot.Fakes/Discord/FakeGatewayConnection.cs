using System.Net.WebSockets;
using System.Text;

namespace PetitionBot.Fakes.Discord;

/// <summary>One accepted gateway WebSocket of the fake.</summary>
internal sealed class FakeGatewayConnection(WebSocket socket, int number)
{
    private readonly SemaphoreSlim _send = new(1, 1);

    public int Number => number;

    /// <summary>Identified or resumed: dispatches are sent to it.</summary>
    public bool Live { get; set; }

    /// <summary>The close code the bot sent, once its close frame arrived (null: not closed by the bot, or dropped).</summary>
    public int? ClientCloseCode { get; private set; }

    public async Task SendAsync(string json, CancellationToken ct = default)
    {
        await _send.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            Live = false;
        }
        finally
        {
            _send.Release();
        }
    }

    public async Task CloseAsync(int code, CancellationToken ct = default)
    {
        Live = false;
        await _send.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake close", ct).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            socket.Abort();
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Completes the closing handshake the bot started, as Discord does.</summary>
    private async Task AnswerCloseAsync(WebSocketCloseStatus status, CancellationToken ct)
    {
        await _send.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, null, ct).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            socket.Abort();
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>The next text message, or null when the connection closed or broke.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken ct = default)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                Live = false;
                ClientCloseCode = (int?)result.CloseStatus;
                await AnswerCloseAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, ct).ConfigureAwait(false);
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }
}
