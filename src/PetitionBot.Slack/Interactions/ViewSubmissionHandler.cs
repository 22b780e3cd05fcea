using System.Text.Json;
using System.Text.Json.Nodes;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Slack.BlockKit;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Interactions;

/// <summary>view_submission → <see cref="FormInput"/> (token = callback_id, fields from state.values). The core is
/// asked within the ack budget: field errors go back in the ack (<c>response_action: errors</c>), a next form replaces the
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
    public async Task HandleAsync(SlackEnvelope envelope, SlackAck ack, CancellationToken ct = default)
    {
        var p = envelope.Payload;
        var view = SlackPayload.Get(p, "view");
        var formToken = SlackPayload.Str(view, "callback_id");
        var team = SlackPayload.Str(p, "team", "id") ?? SlackPayload.Str(p, "user", "team_id");
        var token = await tokens.ForTeamAsync(team, ct).ConfigureAwait(false);
        var user = SlackPayload.Str(p, "user", "id");
        if (token is null || user is null || string.IsNullOrEmpty(formToken))
        {
            await ack.SendAsync().ConfigureAwait(false);
            return;
        }

        var channel = SlackPayload.Str(view, "private_metadata") is { Length: > 0 } meta ? meta : null;
        var target = new SlackReplyTarget(token, user, channel, null, SlackPayload.Str(p, "trigger_id"));
        var deadline = envelope.ReceivedAt + options.Value.AckBudget;
        var work = AskCoreAsync(token, user, channel, formToken, FieldsOf(view), ct);
        var remaining = deadline - time.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            await Task.WhenAny(work, Task.Delay(remaining, time, ct)).ConfigureAwait(false);
        }

        if (!work.IsCompleted)
        {
            await ack.SendAsync().ConfigureAwait(false);
            var late = await work.ConfigureAwait(false);
            await sender.DeliverAsync(target, late.FieldErrors.Count > 0 ? late with { Text = late.Text + "\n" + string.Join("\n", late.FieldErrors.Values) } : late, ct).ConfigureAwait(false);
            return;
        }

        var reply = await work.ConfigureAwait(false);
        if (reply.FieldErrors.Count > 0)
        {
            var errors = new JsonObject();
            foreach (var (field, message) in reply.FieldErrors)
            {
                errors[field] = Mrkdwn.Truncate(message, 2000);
            }

            await ack.SendAsync(new JsonObject { ["response_action"] = "errors", ["errors"] = errors }).ConfigureAwait(false);
            return;
        }

        if (reply.Form is { } next)
        {
            await ack.SendAsync(new JsonObject { ["response_action"] = "update", ["view"] = BlockKitRenderer.ModalView(next, channel ?? string.Empty) }).ConfigureAwait(false);
            return;
        }

        await ack.SendAsync().ConfigureAwait(false);
        await sender.DeliverAsync(target, reply, ct).ConfigureAwait(false);
    }

    private async Task<Reply> AskCoreAsync(SlackToken token, string user, string? channel, string formToken, IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        var actor = await actors.ResolveAsync(token, user, ct).ConfigureAwait(false);
        return await bot.HandleAsync(new FormInput(actor, channel, formToken, fields), ct).ConfigureAwait(false);
    }

    private static Dictionary<string, string> FieldsOf(JsonElement view)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = SlackPayload.Get(view, "state", "values");
        if (values.ValueKind != JsonValueKind.Object)
        {
            return fields;
        }

        foreach (var block in values.EnumerateObject())
        {
            foreach (var action in block.Value.EnumerateObject())
            {
                var value = SlackPayload.Str(action.Value, "value") ?? SlackPayload.Str(action.Value, "selected_option", "value");
                fields[action.Name] = value ?? string.Empty;
            }
        }

        return fields;
    }
}
