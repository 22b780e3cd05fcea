using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

/// <summary>The adapters' private-message port: open (or find) the DM conversation with one user and post there.
/// Must not throw for platform errors: a user who does not accept messages from the bot is <see cref="PostStatus.Forbidden"/>
/// (Discord 50007, Slack cannot_dm_bot / user_disabled), an unknown user <see cref="PostStatus.ChannelGone"/>.</summary>
public interface IDirectMessagePlatform
{
    PlatformKind Platform { get; }

    Task<PostOutcome> SendDirectAsync(DirectRecipient recipient, OutboundMessage message, CancellationToken ct = default);
}
