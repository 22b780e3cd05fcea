using PetitionBot.Slack.Api;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Interactions;

/// <summary>Routes each envelope by its payload's record to the slash-command, block_actions, view_submission or
/// block_suggestion handler; handles the few events the app subscribes to (app_uninstalled, tokens_revoked). Anything
/// else is only acknowledged.</summary>
internal sealed class SlackEnvelopeRouter(
    SlashCommandHandler commands,
    BlockActionsHandler actions,
    ViewSubmissionHandler submissions,
    SlackTokenProvider tokens,
    IPetitionBot bot,
    IInstallationStore? store = null,
    BlockSuggestionHandler? suggestions = null) : ISlackEnvelopeHandler
{
    public async Task HandleAsync(SlackEnvelope envelope, SlackAck ack, CancellationToken ct = default)
    {
        switch (envelope.Payload)
        {
            case SlashCommandPayload command:
                await commands.HandleAsync(command, ack, ct).ConfigureAwait(false);
                break;
            case BlockActionsPayload action:
                await actions.HandleAsync(action, ack, ct).ConfigureAwait(false);
                break;
            case ViewSubmissionPayload submission:
                await submissions.HandleAsync(envelope, submission, ack, ct).ConfigureAwait(false);
                break;
            case BlockSuggestionPayload suggestion when suggestions is not null:
                await suggestions.HandleAsync(suggestion, ack, ct).ConfigureAwait(false);
                break;
            case EventsApiPayload events:
                await ack.SendAsync().ConfigureAwait(false);
                await OnEventAsync(events, ct).ConfigureAwait(false);
                break;
            default:
                await ack.SendAsync().ConfigureAwait(false);
                break;
        }
    }

    private async Task OnEventAsync(EventsApiPayload payload, CancellationToken ct)
    {
        var team = payload.TeamId;
        if (team is null || payload.Event?.Type is not ("app_uninstalled" or "tokens_revoked"))
        {
            return;
        }

        var workspace = new ServerRef(PlatformKind.Slack, team);
        if (store is not null)
        {
            await store.RemoveAsync(workspace, ct).ConfigureAwait(false);
        }

        tokens.Invalidate(team);
        await bot.ServerLeftAsync(workspace, ct).ConfigureAwait(false);
    }
}
