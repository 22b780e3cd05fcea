using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Model;
using PetitionBot.Core.Ports;
using PetitionBot.Slack.BlockKit;

namespace PetitionBot.Slack.Interactions;

/// <summary><c>block_suggestion</c> (an <c>external_select</c> asking for options as the person types; Socket Mode
/// envelope type <c>interactive</c>, or HTTP interactivity): answered in the acknowledgement with the core's
/// suggestions as <c>{"options": [...]}</c>. No Web API call and no store access, so it fits in Slack's 3 s.</summary>
internal sealed class BlockSuggestionHandler(IPetitionBot bot, ILogger<BlockSuggestionHandler> logger)
{
    public async Task HandleAsync(SlackEnvelope envelope, SlackAck ack, CancellationToken ct = default)
    {
        var payload = envelope.Payload;
        var team = SlackPayload.Str(payload, "team", "id") ?? SlackPayload.Str(payload, "user", "team_id") ?? "";
        var user = SlackPayload.Str(payload, "user", "id") ?? "";
        var field = SlackPayload.Str(payload, "action_id") ?? "";
        var query = SlackPayload.Str(payload, "value") ?? "";
        IReadOnlyList<Suggestion> suggestions;
        try
        {
            suggestions = await bot.SuggestAsync(new SuggestInput(SlackIdentityScheme.ActorFor(team, user, [], false), null, field, query), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // An empty list is still an answer.
            SlackLog.HandlerFailed(logger, ex, "block_suggestion");
            suggestions = [];
        }

        var options = new JsonArray(suggestions.Take(SuggestInput.Max).Select(s => (JsonNode)BlockKitRenderer.Option(s.Label, s.Value)).ToArray());
        await ack.SendAsync(new JsonObject { ["options"] = options }).ConfigureAwait(false);
    }
}
