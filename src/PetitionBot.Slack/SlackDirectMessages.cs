using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack;

/// <summary>The private-message port for Slack: conversations.open with the user (the team's token), then
/// chat.postMessage to that DM, text escaped. A user who is gone or deactivated, or who cannot be messaged by the app,
/// maps to <see cref="PostStatus.ChannelGone"/> / <see cref="PostStatus.Forbidden"/> (the opt-in is then dropped).
/// The pipeline paces conversations.open (Tier 3) and posts per channel.</summary>
internal sealed class SlackDirectMessages(SlackWebApi api, SlackTokenProvider tokens) : IDirectMessagePlatform
{
    public PlatformKind Platform => PlatformKind.Slack;

    public async Task<PostOutcome> SendDirectAsync(DirectRecipient recipient, OutboundMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(message);
        var token = await tokens.GetAsync(recipient.ServerId, ct).ConfigureAwait(false);
        if (token is null)
        {
            return SlackChatPlatform.NoToken;
        }

        var (opened, channelId) = await api.OpenDirectMessageAsync(token, recipient.UserId, ct).ConfigureAwait(false);
        if (!opened.Ok || channelId is null)
        {
            return opened.Ok ? new PostOutcome(PostStatus.Transient, Detail: "no_channel") : Map(opened);
        }

        return Map(await SlackChatPlatform.PostAnnouncementAsync(api, token, channelId, message, ct).ConfigureAwait(false));
    }

    private static PostOutcome Map(SlackApiResponse result) => result.Error switch
    {
        "user_not_found" or "user_disabled" or "users_not_found" => new PostOutcome(PostStatus.ChannelGone, Detail: result.Error),
        "cannot_dm_bot" or "not_allowed_token_type" or "messages_tab_disabled" => new PostOutcome(PostStatus.Forbidden, Detail: result.Error),
        _ => SlackChatPlatform.Map(result),
    };
}
