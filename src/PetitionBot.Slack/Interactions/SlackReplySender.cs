using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.Slack.Api;
using PetitionBot.Slack.BlockKit;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Interactions;

/// <summary>Delivers a core <see cref="Reply"/> in Slack: a form as a modal (views.open with the trigger, or views.update
/// of the loading modal), files to the person's DM (files.getUploadURLExternal + upload + files.completeUploadExternal),
/// and the message through the response_url, chat.postEphemeral, or chat.postMessage (public replies). A post that
/// fails for a passing reason (429 with Retry-After, 5xx, network) is tried again a few times, so the person is not
/// left without an answer after the interaction was acknowledged.</summary>
internal sealed class SlackReplySender(SlackWebApi api, TimeProvider time, ILogger<SlackReplySender> logger, IOptions<SlackOptions> options)
{
    /// <summary>How many times a post that failed for a passing reason is tried again.</summary>
    internal const int Retries = 2;

    /// <summary>The longest Retry-After worth waiting for: past it the reply is given up on and the failure logged.</summary>
    internal static readonly TimeSpan MaxRetryWait = TimeSpan.FromSeconds(10);

    private static readonly HashSet<string> TriggerErrors = new(StringComparer.Ordinal) { "expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id", "invalid_trigger" };

    public async Task DeliverAsync(SlackReplyTarget target, Reply reply, CancellationToken ct = default)
    {
        if (reply.Form is { } form)
        {
            await OpenFormAsync(target, form, ct).ConfigureAwait(false);
            return;
        }

        var text = reply;
        if (reply.Attachments.Count > 0 && !await SendFilesAsync(target, reply.Attachments, ct).ConfigureAwait(false))
        {
            text = reply with { Text = reply.Text + "\n\nI could not send the file to your direct messages. Please try again in a minute." };
        }

        if (target.ViewId is { } viewId)
        {
            var updated = await api.UpdateViewAsync(target.Token, viewId, BlockKitRenderer.MessageView(reply.Title ?? "PetitionBot", MessageViewText(text)), ct).ConfigureAwait(false);
            if (updated.Ok)
            {
                return;
            }
        }

        await SendMessageAsync(target, text, ct).ConfigureAwait(false);
    }

    /// <summary>Open the reply's form; an expired trigger gets a clear message instead.</summary>
    public async Task OpenFormAsync(SlackReplyTarget target, FormSpec form, CancellationToken ct = default)
    {
        var view = BlockKitRenderer.ModalView(form, target.ChannelId ?? string.Empty);
        SlackApiResponse result;
        if (target.ViewId is { } viewId)
        {
            result = await api.UpdateViewAsync(target.Token, viewId, view, ct).ConfigureAwait(false);
        }
        else if (target.TriggerId is { } trigger)
        {
            result = await api.OpenViewAsync(target.Token, trigger, view, ct).ConfigureAwait(false);
        }
        else
        {
            result = SlackApiResponse.Failure("expired_trigger_id");
        }

        if (result.Ok)
        {
            return;
        }

        SlackLog.DeliveryFailed(logger, "views.open", result.Error ?? "unknown");
        var again = target.CommandName is { } name ? $"run /{name} again" : "try again";
        var message = result.Error is { } e && TriggerErrors.Contains(e)
            ? $"Slack only lets me open a form for a few seconds after you ask, and that time ran out. Please {again}: the form will open right away."
            : result.IsRateLimited
                ? $"Many people are opening this form in your workspace right now, and Slack asked me to slow down. Please {again} in a minute."
                : $"I could not open the form ({result.Error}). Please {again}.";
        await SendMessageAsync(target with { ViewId = null }, Reply.Private(message), ct).ConfigureAwait(false);
    }

    /// <summary>Send the message part: response_url first, then chat.postEphemeral/postMessage, then the person's DM.</summary>
    public async Task SendMessageAsync(SlackReplyTarget target, Reply reply, CancellationToken ct = default)
    {
        var fallback = BlockKitRenderer.FallbackText(reply);
        var isPublic = reply.Visibility == Visibility.Public;
        var blocks = BlockKitRenderer.MessageBlocks(reply); // immutable records: one rendering serves every post and retry

        // Only Slack's own hooks (or the configured API origin) are followed; any other response_url is ignored.
        if (target.ResponseUrl is { } url && SlackResponseUrlPolicy.IsAllowed(url, options.Value.ApiBaseUrl))
        {
            var body = new ResponseUrlMessage(
                isPublic ? ResponseUrlMessage.InChannel : ResponseUrlMessage.Ephemeral, fallback, blocks, target.ReplaceOriginal && reply.ReplacesPrevious);
            var posted = await api.Client.PostToUrlAsync(url, body, ct).ConfigureAwait(false);
            if (posted.Ok)
            {
                return;
            }
        }

        if (target.ChannelId is { Length: > 0 } channel)
        {
            var sent = await WithRetriesAsync(() => isPublic
                ? api.PostMessageAsync(target.Token, channel, fallback, blocks, ct)
                : api.PostEphemeralAsync(target.Token, channel, target.UserId, fallback, blocks, ct), retryUnsure: !isPublic, ct).ConfigureAwait(false);
            if (sent.Ok)
            {
                return;
            }

            SlackLog.DeliveryFailed(logger, isPublic ? "chat.postMessage" : "chat.postEphemeral", sent.Error ?? "unknown");
        }

        var (dm, dmChannel) = await api.OpenDirectMessageAsync(target.Token, target.UserId, ct).ConfigureAwait(false);
        if (dmChannel is null)
        {
            SlackLog.DeliveryFailed(logger, "conversations.open", dm.Error ?? "unknown");
            return;
        }

        var direct = await WithRetriesAsync(() => api.PostMessageAsync(target.Token, dmChannel, fallback, blocks, ct), retryUnsure: true, ct).ConfigureAwait(false);
        if (!direct.Ok)
        {
            SlackLog.DeliveryFailed(logger, "chat.postMessage (DM)", direct.Error ?? "unknown");
        }
    }

    /// <summary>Post, and post again after Retry-After (429: Slack did not post it) or, when <paramref name="retryUnsure"/>,
    /// after a short pause on a 5xx or network error (the post may have gone through: only private replies, where a
    /// repeat is harmless, take that chance; a public message is not risked twice in the channel).</summary>
    private async Task<SlackApiResponse> WithRetriesAsync(Func<Task<SlackApiResponse>> post, bool retryUnsure, CancellationToken ct)
    {
        var result = await post().ConfigureAwait(false);
        for (var attempt = 1; attempt <= Retries && !result.Ok; attempt++)
        {
            TimeSpan wait;
            if (result.IsRateLimited)
            {
                wait = result.RetryAfter ?? TimeSpan.FromSeconds(1);
            }
            else if (result.IsTransient && retryUnsure)
            {
                wait = TimeSpan.FromMilliseconds(500 * attempt);
            }
            else
            {
                break;
            }

            if (wait > MaxRetryWait)
            {
                break;
            }

            await Task.Delay(wait, time, ct).ConfigureAwait(false);
            result = await post().ConfigureAwait(false);
        }

        return result;
    }

    private async Task<bool> SendFilesAsync(SlackReplyTarget target, IReadOnlyList<FileAttachment> files, CancellationToken ct)
    {
        var (dm, channel) = await api.OpenDirectMessageAsync(target.Token, target.UserId, ct).ConfigureAwait(false);
        if (channel is null)
        {
            SlackLog.DeliveryFailed(logger, "conversations.open", dm.Error ?? "unknown");
            return false;
        }

        foreach (var file in files)
        {
            var uploaded = await api.UploadFileAsync(target.Token, channel, file.FileName, file.ContentType, file.Content, ct).ConfigureAwait(false);
            if (!uploaded.Ok)
            {
                SlackLog.DeliveryFailed(logger, "file upload", uploaded.Error ?? "unknown");
                return false;
            }
        }

        return true;
    }

    private static string MessageViewText(Reply reply) =>
        reply.Progress is { } p ? $"{reply.Text}\n\n{p.Bar}  {p.Summary}" : reply.Text;
}
