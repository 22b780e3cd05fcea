using PetitionBot.Slack.Api;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Interactions;

/// <summary>block_actions: a button (action_id = the core's choice token) or a select (its selected value or values).
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

    public async Task HandleAsync(BlockActionsPayload payload, SlackAck ack, CancellationToken ct = default)
    {
        await ack.SendAsync().ConfigureAwait(false);
        if (payload.Actions is not [var action, ..] || action.ActionId is not { } actionId || actionId.StartsWith(LinkPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var token = await tokens.ForTeamAsync(payload.TeamId, ct).ConfigureAwait(false);
        var user = payload.User?.Id;
        if (token is null || user is null)
        {
            return;
        }

        var channel = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var responseUrl = Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var ru) ? ru : null;
        var target = new SlackReplyTarget(token, user, channel, responseUrl, payload.TriggerId, ReplaceOriginal: true);
        var actor = await actors.ResolveAsync(token, user, ct).ConfigureAwait(false);
        var reply = await bot.HandleAsync(new ChoiceInput(actor, channel, actionId, ValuesOf(action)), ct).ConfigureAwait(false);
        await sender.DeliverAsync(target, reply, ct).ConfigureAwait(false);
    }

    /// <summary>What the person chose: a single select's option, a multi select's options, or nothing (a button: its
    /// action_id is the choice).</summary>
    internal static string[] ValuesOf(BlockAction action) =>
        action.SelectedOption?.Value is { } selected ? [selected]
        : action.SelectedOptions is { } many ? [.. many.Select(o => o.Value).OfType<string>()]
        : [];
}
