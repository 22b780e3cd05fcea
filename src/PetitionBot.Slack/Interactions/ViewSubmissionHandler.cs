using PetitionBot.Slack.Api;
using PetitionBot.Slack.BlockKit;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Interactions;

/// <summary>view_submission → <see cref="FormInput"/> (token = callback_id, fields from state.values). The core is
/// asked within the form's ack budget (Slack:FormAckBudget): field errors go back in the ack (<c>response_action: errors</c>), a next form replaces the
/// modal (<c>response_action: update</c>), anything else closes it and is sent ephemerally in the channel the form
/// was opened from (kept in private_metadata). A slow core gets an empty ack, and its answer follows as a message.</summary>
internal sealed class ViewSubmissionHandler(
    SlackTokenProvider tokens,
    SlackActorResolver actors,
    SlackReplySender sender,
    IPetitionBot bot,
    Microsoft.Extensions.Options.IOptions<SlackOptions> options,
    TimeProvider time)
{
    public async Task HandleAsync(SlackEnvelope envelope, ViewSubmissionPayload payload, SlackAck ack, CancellationToken ct = default)
    {
        var view = payload.View;
        var formToken = view?.CallbackId;
        var token = await tokens.ForTeamAsync(payload.TeamId, ct).ConfigureAwait(false);
        var user = payload.User?.Id;
        if (token is null || user is null || string.IsNullOrEmpty(formToken))
        {
            await ack.SendAsync().ConfigureAwait(false);
            return;
        }

        var channel = view?.PrivateMetadata is { Length: > 0 } meta ? meta : null;
        var target = new SlackReplyTarget(token, user, channel, null, payload.TriggerId);
        var deadline = envelope.ReceivedAt + options.Value.FormAckBudget;
        var work = AskCoreAsync(token, user, channel, formToken, FieldsOf(view), ct);
        var remaining = deadline - time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            await Task.WhenAny(work, Task.Delay(remaining, time, ct)).ConfigureAwait(false);
        }

        if (!work.IsCompleted || ack.IsSent)
        {
            // Past the budget (or acknowledged already by the read loop's backstop): the form closes, the answer follows.
            await ack.SendAsync().ConfigureAwait(false);
            await DeliverLateAsync(target, await work.ConfigureAwait(false), ct).ConfigureAwait(false);
            return;
        }

        var reply = await work.ConfigureAwait(false);
        if (reply.FieldErrors.Count > 0)
        {
            var errors = reply.FieldErrors.ToDictionary(e => e.Key, e => Mrkdwn.Truncate(e.Value, 2000), StringComparer.Ordinal);
            if (!await ack.SendAsync(new SlackAckPayload { ResponseAction = "errors", Errors = errors }).ConfigureAwait(false))
            {
                await DeliverLateAsync(target, reply, ct).ConfigureAwait(false);
            }

            return;
        }

        if (reply.Form is { } next)
        {
            if (!await ack.SendAsync(new SlackAckPayload { ResponseAction = "update", View = BlockKitRenderer.ModalView(next, channel ?? string.Empty) }).ConfigureAwait(false))
            {
                await DeliverLateAsync(target, reply, ct).ConfigureAwait(false);
            }

            return;
        }

        await ack.SendAsync().ConfigureAwait(false);
        await sender.DeliverAsync(target, reply, ct).ConfigureAwait(false);
    }

    /// <summary>An answer whose form was closed by an empty ack: its field errors as text, a next form opened with the
    /// submission's trigger (or, once that expired, a message saying to run the command again).</summary>
    private Task DeliverLateAsync(SlackReplyTarget target, Reply late, CancellationToken ct) =>
        sender.DeliverAsync(target, late.FieldErrors.Count > 0 ? late with { Text = late.Text + "\n" + string.Join("\n", late.FieldErrors.Values) } : late, ct);

    private async Task<Reply> AskCoreAsync(SlackToken token, string user, string? channel, string formToken, IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        var actor = await actors.ResolveAsync(token, user, ct).ConfigureAwait(false);
        return await bot.HandleAsync(new FormInput(actor, channel, formToken, fields), ct).ConfigureAwait(false);
    }

    /// <summary>Each input's value by action_id (= field id): a text input's value, a select's chosen option; an
    /// element left empty, or of a kind that carries neither, gives "".</summary>
    internal static Dictionary<string, string> FieldsOf(SubmittedView? view)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (view?.State?.Values is not { } blocks)
        {
            return fields;
        }

        foreach (var actions in blocks.Values.OfType<IReadOnlyDictionary<string, StateValue?>>())
        {
            foreach (var (actionId, state) in actions)
            {
                fields[actionId] = state?.Value ?? state?.SelectedOption?.Value ?? string.Empty;
            }
        }

        return fields;
    }
}
