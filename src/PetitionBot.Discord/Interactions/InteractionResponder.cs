using Microsoft.Extensions.Logging;
using PetitionBot.Discord.Api;
using PetitionBot.Discord.Rendering;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Interactions;

/// <summary>Answers one interaction. It tracks its state (new → deferred → done) so exactly one callback is ever
/// sent (no 40060); everything after the callback goes through the interaction webhook.</summary>
internal sealed class InteractionResponder(
    ParsedInteraction interaction,
    DiscordRestClient rest,
    string applicationId,
    FormCache forms,
    ILogger logger,
    InteractionCallbackSender? sendCallback = null)
{
    private enum State
    {
        New,
        Deferred,
        DeferredUpdate,
        Done,
    }

    private State _state = State.New;

    public bool IsAcknowledged => _state != State.New;

    /// <summary>Type 5 (ephemeral "thinking…") for commands and modal submits, type 6 for components.</summary>
    public async Task DeferAsync(CancellationToken ct = default)
    {
        if (_state != State.New)
        {
            return;
        }

        var component = interaction.Type == ParsedInteraction.MessageComponent;
        _state = component ? State.DeferredUpdate : State.Deferred;
        var callback = component
            ? new InteractionCallbackPayload(InteractionCallbackPayload.DeferredUpdate)
            : new MessageCallbackPayload(InteractionCallbackPayload.DeferredMessage, new MessagePayload { Flags = MessagePayload.EphemeralFlag });
        Check(await SendCallbackAsync(callback, ct).ConfigureAwait(false));
    }

    /// <summary>Shows a form as a modal when that is still possible; otherwise as a message with a button that opens it.</summary>
    public Task OpenFormAsync(FormSpec form, CancellationToken ct = default) =>
        RespondAsync(new Reply { Text = form.Title, Form = form }, ct);

    /// <summary>Answers an autocomplete interaction (callback type 8) with at most 25 choices; names and values ≤ 100 characters.</summary>
    public async Task SuggestAsync(IReadOnlyList<Suggestion> suggestions, CancellationToken ct = default)
    {
        var choices = suggestions.Take(SuggestInput.Max)
            .Select(s => new AutocompleteChoicePayload(Clip(s.Label), Clip(s.Value)))
            .ToList();
        Check(await SendCallbackAsync(new AutocompleteCallbackPayload(new AutocompleteResultPayload(choices)), ct).ConfigureAwait(false));
        _state = State.Done;

        static string Clip(string text) => text.Length <= 100 ? text : text[..99] + "…";
    }

    public async Task RespondAsync(Reply reply, CancellationToken ct = default)
    {
        var ephemeral = reply.Visibility == Visibility.Private;
        if (reply.Form is { } form)
        {
            forms.Add(form);
        }

        var canModal = _state == State.New && interaction.Type != ParsedInteraction.ModalSubmit && reply.FieldErrors.Count == 0;
        if (reply.Form is { } modal && canModal)
        {
            _state = State.Done;
            var callback = new ModalCallbackPayload(ReplyRenderer.Modal(modal));
            Check(await SendCallbackAsync(callback, ct).ConfigureAwait(false));
            return;
        }

        var replaces = reply.ReplacesPrevious && interaction.Type == ParsedInteraction.MessageComponent;
        switch (_state)
        {
            case State.New:
                _state = State.Done;
                var callback = replaces
                    ? new MessageCallbackPayload(InteractionCallbackPayload.UpdateMessage, ReplyRenderer.Message(reply, false, forUpdate: true))
                    : new MessageCallbackPayload(InteractionCallbackPayload.Message, ReplyRenderer.Message(reply, ephemeral));
                Check(await SendCallbackAsync(callback, ct).ConfigureAwait(false));
                break;
            case State.Deferred:
                _state = State.Done;
                Check(await rest.EditOriginalResponseAsync(applicationId, interaction.Token, ReplyRenderer.Message(reply, false, forUpdate: false), ct)
                    .ConfigureAwait(false));
                break;
            case State.DeferredUpdate when replaces:
                _state = State.Done;
                Check(await rest.EditOriginalResponseAsync(applicationId, interaction.Token, ReplyRenderer.Message(reply, false, forUpdate: true), ct)
                    .ConfigureAwait(false));
                break;
            default:
                _state = State.Done;
                Check(await rest.CreateFollowupAsync(applicationId, interaction.Token, ReplyRenderer.Message(reply, ephemeral), null, ct).ConfigureAwait(false));
                break;
        }

        if (reply.Attachments.Count > 0)
        {
            var files = new MessagePayload { Content = ReplyRenderer.Truncate(string.Join(", ", reply.Attachments.Select(a => a.FileName)), ReplyRenderer.MaxContent), Flags = MessagePayload.EphemeralFlag };
            Check(await rest.CreateFollowupAsync(applicationId, interaction.Token, files, reply.Attachments, ct).ConfigureAwait(false));
        }
    }

    private Task<DiscordRestResult> SendCallbackAsync(InteractionCallbackPayload callback, CancellationToken ct) =>
        sendCallback is null
            ? rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, callback, ct)
            : sendCallback(callback, ct);

    private void Check(DiscordRestResult result)
    {
        if (!result.IsSuccess)
        {
            logger.InteractionResponseFailed(result.StatusCode, result.ErrorCode);
        }
    }
}
