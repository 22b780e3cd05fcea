using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

/// <summary>The outbound port each adapter implements: post to a channel of a server the bot is in.
/// Must not throw for platform errors: map them to a <see cref="PostOutcome"/>. Cancellation may throw.</summary>
public interface IChatPlatform
{
    PlatformKind Platform { get; }

    Task<PostOutcome> PostAsync(ChannelRef channel, OutboundMessage message, CancellationToken ct = default);
}
