using PetitionBot.Slack.BlockKit;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack;

/// <summary>The outbound port for Slack: chat.postMessage to a team's channel with that team's token, escaped text and a
/// progress block, Slack errors mapped to <see cref="PostOutcome"/>s. Paced per channel (≈1/s) and per team by the pipeline,
/// so a fan-out over many channels proceeds in parallel across channels.</summary>
internal sealed class SlackChatPlatform(SlackWebApi api, SlackTokenProvider tokens) : IChatPlatform
{
    public PlatformKind Platform => PlatformKind.Slack;

    public async Task<PostOutcome> PostAsync(ChannelRef channel, OutboundMessage message, CancellationToken ct = default)
    {
        var token = await tokens.GetAsync(channel.ServerId, ct).ConfigureAwait(false);
        return token is null ? NoToken : Map(await PostAnnouncementAsync(api, token, channel.ChannelId, message, ct).ConfigureAwait(false));
    }

    /// <summary>The outcome when the team has no bot token (not installed, or uninstalled).</summary>
    internal static PostOutcome NoToken { get; } = new(PostStatus.Unauthorized, Detail: "no_token");

    /// <summary>chat.postMessage of an announcement to a channel or an opened DM: the escaped text as the notification
    /// fallback (Slack's 3,000-character limit), the title, text and progress as blocks.</summary>
    internal static Task<SlackApiResponse> PostAnnouncementAsync(SlackWebApi api, SlackToken token, string channelId,
        OutboundMessage message, CancellationToken ct)
    {
        var fallback = Mrkdwn.Truncate(Mrkdwn.Escape(message.Title is null ? message.Text : $"{message.Title}: {message.Text}"), 3000);
        var blocks = BlockKitRenderer.AnnouncementBlocks(message.Title, message.Text, message.Progress);
        return api.PostMessageAsync(token, channelId, fallback, blocks, ct);
    }

    public static PostOutcome Map(SlackApiResponse result)
    {
        if (result.Ok)
        {
            return PostOutcome.Delivered;
        }

        if (result.IsRateLimited)
        {
            return new PostOutcome(PostStatus.RateLimited, result.RetryAfter ?? TimeSpan.FromSeconds(1), "ratelimited");
        }

        var status = result.Error switch
        {
            "channel_not_found" or "is_archived" => PostStatus.ChannelGone,
            "not_in_channel" or "restricted_action" or "missing_scope" or "restricted_action_read_only_channel"
                or "restricted_action_thread_only_channel" or "restricted_action_non_threadable_channel" or "team_access_not_granted"
                or "ekm_access_denied" or "cannot_reply_to_message" => PostStatus.Forbidden,
            "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" or "no_token" => PostStatus.Unauthorized,
            _ when result.IsTransient => PostStatus.Transient,
            _ => PostStatus.Rejected,
        };
        return new PostOutcome(status, Detail: result.Error);
    }
}
