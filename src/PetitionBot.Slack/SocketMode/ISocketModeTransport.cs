namespace PetitionBot.Slack.SocketMode;

/// <summary>One WebSocket as Socket Mode needs it: text messages in and out. Tests script it; production uses
/// <see cref="WebSocketTransport"/>.</summary>
internal interface ISocketModeTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri url, CancellationToken ct = default);

    /// <summary>The next text message; null when the peer closed. Throws when the socket broke (keep-alive timeout, reset).</summary>
    Task<string?> ReceiveAsync(CancellationToken ct = default);

    Task SendAsync(string text, CancellationToken ct = default);

    /// <summary>Close politely (bounded by <paramref name="ct"/>); never throws for an already broken socket.</summary>
    Task CloseAsync(CancellationToken ct = default);
}
