using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
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
        var token = await tokens.GetAsync(channel.WorkspaceId, ct).ConfigureAwait(false);
        if (token is null)
        {
            return new PostOutcome(PostStatus.Unauthorized, Detail: "no_token");
        }

        var fallback = Mrkdwn.Truncate(Mrkdwn.Escape(message.Title is null ? message.Text : $"{message.Title}: {message.Text}"), 3000);
        var blocks = BlockKitRenderer.AnnouncementBlocks(message.Title, message.Text, message.Progress);
        var result = await api.PostMessageAsync(token, channel.ChannelId, fallback, blocks, ct).ConfigureAwait(false);
        return Map(result);
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
