using System.Collections.Concurrent;
using PetitionBot.Discord.Api;
using PetitionBot.Discord.Rendering;

namespace PetitionBot.Discord.Rest;

/// <summary>The private-message port: <c>POST /users/@me/channels</c> (the DM channel, remembered per user for this
/// process) then <c>POST /channels/{id}/messages</c> with the outbox item's nonce. 50007 (the user does not accept DMs
/// from the bot) is <see cref="PostStatus.Forbidden"/>, an unknown user <see cref="PostStatus.ChannelGone"/>.</summary>
internal sealed class DiscordDirectMessages(DiscordRestClient rest) : IDirectMessagePlatform
{
    private readonly ConcurrentDictionary<string, string> _channels = new(StringComparer.Ordinal);

    public PlatformKind Platform => PlatformKind.Discord;

    public async Task<PostOutcome> SendDirectAsync(DirectRecipient recipient, OutboundMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(message);
        if (!_channels.TryGetValue(recipient.UserId, out var channelId))
        {
            var (opened, id) = await rest.CreateDirectMessageChannelAsync(recipient.UserId, ct).ConfigureAwait(false);
            if (!opened.IsSuccess || id is null)
            {
                return opened.IsSuccess ? new PostOutcome(PostStatus.Transient, Detail: "no channel id") : Map(opened);
            }

            channelId = _channels.GetOrAdd(recipient.UserId, id);
        }

        var payload = new MessagePayload
        {
            Embeds = [ReplyRenderer.Embed(message.Title, message.Text, message.Progress)],
            Nonce = message.DedupKey.Length <= 25 ? message.DedupKey : message.DedupKey[..25],
            EnforceNonce = true,
        };
        var result = await rest.CreateMessageAsync(channelId, payload, ct).ConfigureAwait(false);
        if (result.ErrorCode is DiscordErrorCodes.UnknownChannel)
        {
            _channels.TryRemove(recipient.UserId, out _);
            return new PostOutcome(PostStatus.Transient, Detail: "dm channel gone");
        }

        return Map(result);
    }

    private static PostOutcome Map(DiscordRestResult result) => result.ErrorCode switch
    {
        DiscordErrorCodes.CannotSendToUser => new PostOutcome(PostStatus.Forbidden, null, "50007"),
        DiscordErrorCodes.UnknownUser => new PostOutcome(PostStatus.ChannelGone, null, "10013"),
        _ => DiscordChatPlatform.Map(result),
    };
}
