using Microsoft.Extensions.Logging;
using PetitionBot.Slack.Api;
using PetitionBot.Slack.BlockKit;

namespace PetitionBot.Slack.Interactions;

/// <summary><c>block_suggestion</c> (an <c>external_select</c> asking for options as the person types; Socket Mode
/// envelope type <c>interactive</c>, or HTTP interactivity): answered in the acknowledgement with the core's
/// suggestions as <c>{"options": [...]}</c>. No Web API call and no store access, so it fits in Slack's 3 s.</summary>
internal sealed class BlockSuggestionHandler(IPetitionBot bot, ILogger<BlockSuggestionHandler> logger)
{
    public async Task HandleAsync(BlockSuggestionPayload payload, SlackAck ack, CancellationToken ct = default)
    {
        var actor = SlackIdentityScheme.ActorFor(payload.TeamId ?? "", payload.User?.Id ?? "", [], false);
        IReadOnlyList<Suggestion> suggestions;
        try
        {
            suggestions = await bot.SuggestAsync(new SuggestInput(actor, null, payload.ActionId ?? "", payload.Value ?? ""), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // An empty list is still an answer.
            SlackLog.HandlerFailed(logger, ex, "block_suggestion");
            suggestions = [];
        }

        var options = suggestions.Take(SuggestInput.Max).Select(s => BlockKitRenderer.Option(s.Label, s.Value)).ToList();
        await ack.SendAsync(new SlackAckPayload { Options = options }).ConfigureAwait(false);
    }
}
