using PetitionBot.Slack.Api;
using PetitionBot.Slack.BlockKit;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Interactions;

/// <summary>A slash command: ack at once; for commands whose answer is a form, open a "loading" modal with the trigger
/// before anything else and fill it in later (views.update); otherwise resolve the actor, ask the core, and deliver.</summary>
internal sealed class SlashCommandHandler(
    SlackTokenProvider tokens,
    SlackActorResolver actors,
    SlackReplySender sender,
    SlackWebApi api,
    IPetitionBot bot)
{
    public async Task HandleAsync(SlashCommandPayload payload, SlackAck ack, CancellationToken ct = default)
    {
        await ack.SendAsync().ConfigureAwait(false);
        var token = await tokens.ForTeamAsync(payload.TeamId, ct).ConfigureAwait(false);
        var user = payload.UserId;
        if (token is null || user is null)
        {
            return;
        }

        var channel = payload.ChannelId;
        var responseUrl = Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var ru) ? ru : null;
        var target = new SlackReplyTarget(token, user, channel, responseUrl, payload.TriggerId);
        var parsed = SlashCommandParser.Parse(payload.Command ?? string.Empty, payload.Text);
        if (parsed is null)
        {
            var names = string.Join(", ", CommandCatalog.All.Select(c => c.Name));
            await sender.SendMessageAsync(target, Reply.Private($"Unknown command. Try /petition <command>, where command is one of: {names}."), ct).ConfigureAwait(false);
            return;
        }

        target = target with { CommandName = parsed.Name };
        if (parsed.Error is { } error)
        {
            await sender.SendMessageAsync(target, Reply.Private(error), ct).ConfigureAwait(false);
            return;
        }

        if (CommandCatalog.Find(parsed.Name) is { OpensForm: true } && target.TriggerId is { } trigger)
        {
            // The trigger dies 3 s after the command: open the modal first, fill it in when the core has answered.
            var loading = await api.OpenViewAsync(token, trigger, BlockKitRenderer.LoadingView(), ct).ConfigureAwait(false);
            target = target with { ViewId = loading.Ok ? loading.Body?.View?.Id : null, TriggerId = loading.Ok ? null : trigger };
        }

        var actor = await actors.ResolveAsync(token, user, ct).ConfigureAwait(false);
        var reply = await bot.HandleAsync(new CommandInput(actor, channel, parsed.Name, parsed.Options), ct).ConfigureAwait(false);
        await sender.DeliverAsync(target, reply, ct).ConfigureAwait(false);
    }
}
