using System.Text.Json;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Ports;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Interactions;

/// <summary>block_actions: a button (action_id = the core's choice token) or a static_select (its selected value).
/// Ack at once; the answer goes through the response_url (replacing the message when the core says so), a form opens
/// with the action's trigger.</summary>
internal sealed class BlockActionsHandler(
    SlackTokenProvider tokens,
    SlackActorResolver actors,
    SlackReplySender sender,
    IPetitionBot bot)
{
    /// <summary>Prefix of <see cref="Choice.Link"/> tokens: url buttons also send an action, which means nothing to the core.</summary>
    private const string LinkPrefix = "link:";

    public async Task HandleAsync(SlackEnvelope envelope, SlackAck ack, CancellationToken ct = default)
    {
        await ack.SendAsync().ConfigureAwait(false);
        var p = envelope.Payload;
        var actions = SlackPayload.Get(p, "actions");
        if (actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
        {
            return;
        }

        var action = actions[0];
        var actionId = SlackPayload.Str(action, "action_id");
        if (actionId is null || actionId.StartsWith(LinkPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var team = SlackPayload.Str(p, "team", "id") ?? SlackPayload.Str(p, "user", "team_id");
        var token = await tokens.ForTeamAsync(team, ct).ConfigureAwait(false);
        var user = SlackPayload.Str(p, "user", "id");
        if (token is null || user is null)
        {
            return;
        }

        var channel = SlackPayload.Str(p, "channel", "id") ?? SlackPayload.Str(p, "container", "channel_id");
        var responseUrl = Uri.TryCreate(SlackPayload.Str(p, "response_url"), UriKind.Absolute, out var ru) ? ru : null;
        var target = new SlackReplyTarget(token, user, channel, responseUrl, SlackPayload.Str(p, "trigger_id"), ReplaceOriginal: true);
        var actor = await actors.ResolveAsync(token, user, ct).ConfigureAwait(false);
        var reply = await bot.HandleAsync(new ChoiceInput(actor, channel, actionId, ValuesOf(action)), ct).ConfigureAwait(false);
        await sender.DeliverAsync(target, reply, ct).ConfigureAwait(false);
    }

    private static string[] ValuesOf(JsonElement action)
    {
        if (SlackPayload.Str(action, "selected_option", "value") is { } selected)
        {
            return [selected];
        }

        var many = SlackPayload.Get(action, "selected_options");
        return many.ValueKind == JsonValueKind.Array
            ? [.. many.EnumerateArray().Select(o => SlackPayload.Str(o, "value")).OfType<string>()]
            : [];
    }
}
