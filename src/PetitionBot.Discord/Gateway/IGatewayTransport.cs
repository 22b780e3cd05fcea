namespace PetitionBot.Discord.Gateway;

/// <summary>The socket under the gateway client, small enough for tests to script.</summary>
internal interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken ct = default);

    Task SendAsync(string text, CancellationToken ct = default);

    /// <summary>The next whole message, or a close frame (also for an abrupt end of the connection, code null).</summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken ct = default);

    /// <summary>Closes with a code; 1000/1001 end the session, other codes keep it resumable.</summary>
    Task CloseAsync(int code, CancellationToken ct = default);
}
