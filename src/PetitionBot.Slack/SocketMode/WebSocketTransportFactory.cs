using Microsoft.Extensions.Options;

namespace PetitionBot.Slack.SocketMode;

/// <summary>Creates <see cref="WebSocketTransport"/>s with the configured keep-alive.</summary>
internal sealed class WebSocketTransportFactory(IOptions<SlackOptions> options) : ISocketModeTransportFactory
{
    public ISocketModeTransport Create() => new WebSocketTransport(options.Value.KeepAliveInterval, options.Value.KeepAliveTimeout);
}
