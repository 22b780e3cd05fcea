using System.Threading.Channels;

namespace PetitionBot.Discord.Gateway;

/// <summary>A gateway session source: runs until cancelled (or a fatal close), writing every dispatch it receives to
/// <c>events</c>. <see cref="DiscordGatewayService"/> depends on this, not on the WebSocket client.</summary>
internal interface IGatewayClient
{
    Task RunAsync(ChannelWriter<GatewayDispatch> events, CancellationToken ct = default);
}
