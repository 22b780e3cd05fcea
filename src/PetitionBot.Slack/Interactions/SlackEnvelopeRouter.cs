using System.Text.Json;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Slack.WebApi;

namespace PetitionBot.Slack.Interactions;

/// <summary>Routes each envelope by type to the slash-command, block_actions or view_submission handler; handles the
/// few events the app subscribes to (app_uninstalled, tokens_revoked).</summary>
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
        var payload = envelope.Payload;
        switch (envelope.Type)
        {
            case SlackEnvelope.SlashCommands:
                await commands.HandleAsync(envelope, ack, ct).ConfigureAwait(false);
                break;
            case SlackEnvelope.Interactive when SlackPayload.Str(payload, "type") == "block_actions":
                await actions.HandleAsync(envelope, ack, ct).ConfigureAwait(false);
                break;
            case SlackEnvelope.Interactive when SlackPayload.Str(payload, "type") == "view_submission":
                await submissions.HandleAsync(envelope, ack, ct).ConfigureAwait(false);
                break;
            case SlackEnvelope.Interactive when SlackPayload.Str(payload, "type") == "block_suggestion" && suggestions is not null:
                await suggestions.HandleAsync(envelope, ack, ct).ConfigureAwait(false);
                break;
            case SlackEnvelope.EventsApi:
                await ack.SendAsync().ConfigureAwait(false);
                await OnEventAsync(payload, ct).ConfigureAwait(false);
                break;
            default:
                await ack.SendAsync().ConfigureAwait(false);
                break;
        }
    }

    private async Task OnEventAsync(JsonElement payload, CancellationToken ct)
    {
        var team = SlackPayload.Str(payload, "team_id");
        var type = SlackPayload.Str(payload, "event", "type");
        if (team is null || type is not ("app_uninstalled" or "tokens_revoked"))
        {
            return;
        }

        var workspace = new WorkspaceRef(PlatformKind.Slack, team);
        if (store is not null)
        {
            await store.RemoveAsync(workspace, ct).ConfigureAwait(false);
        }

        tokens.Invalidate(team);
        await bot.WorkspaceLeftAsync(workspace, ct).ConfigureAwait(false);
    }
}
