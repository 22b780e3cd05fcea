using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetitionBot.Core.Telemetry;
using PetitionBot.Discord.Api;
using PetitionBot.Discord.Rest;

namespace PetitionBot.Discord.Interactions;

/// <summary>Handles INTERACTION_CREATE: acts once per interaction id, answers within 3 s (defers first for slow
/// commands, or when the core has not answered by <see cref="InteractionTimings.DeferAfter"/>), then delivers the reply.</summary>
internal sealed class InteractionHandler(
    IPetitionBot bot,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    InteractionTimings timings,
    TimeProvider time,
    ILogger<InteractionHandler> logger,
    IHandledKeys handled)
{
    private readonly FormCache _forms = new();

    /// <param name="payload">The interaction object.</param>
    /// <param name="receivedAt">Receipt timestamp (<see cref="TimeProvider.GetTimestamp"/>).</param>
    /// <param name="sendCallback">Where the first response goes: null = <c>POST …/callback</c> (gateway interactions);
    /// the HTTP endpoint passes the inline response instead.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task HandleAsync(InteractionPayload payload, long receivedAt, InteractionCallbackSender? sendCallback = null, CancellationToken ct = default)
    {
        var interaction = InteractionParser.Parse(payload);
        if (interaction is null)
        {
            return;
        }

        logger.InteractionReceived(interaction.Id, interaction.Type);
        var key = "discord:i:" + interaction.Id;
        if (!await handled.FirstTimeAsync(sendCallback is null ? key : SignedRequestKeys.For(key), ct).ConfigureAwait(false))
        {
            logger.InteractionDuplicate(interaction.Id);
            Count(interaction, "duplicate");
            return;
        }

        var responder = new InteractionResponder(interaction, rest, options.Value.ApplicationId, _forms, logger, sendCallback);
        if (interaction.FormButtonToken is { } formToken)
        {
            var form = _forms.Find(formToken);
            await (form is null
                ? responder.RespondAsync(Reply.Private("This form has expired. Please run the command again."), ct)
                : responder.OpenFormAsync(form, ct)).ConfigureAwait(false);
            return;
        }

        if (interaction.Suggest is { } suggest)
        {
            await responder.SuggestAsync(await SuggestAsync(suggest, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            RecordAck(receivedAt);
            Count(interaction, "ok");
            return;
        }

        if (interaction.Input is not { } input)
        {
            return;
        }

        var spec = interaction.CommandName is { } name ? CommandCatalog.Find(name) : null;
        if (spec is { MayBeSlow: true })
        {
            await responder.DeferAsync(ct).ConfigureAwait(false);
            RecordAck(receivedAt);
        }

        var work = CallCoreAsync(input, ct);
        if (!responder.IsAcknowledged)
        {
            var remaining = timings.DeferAfter - time.GetElapsedTime(receivedAt);
            if (remaining > TimeSpan.Zero && !work.IsCompleted)
            {
                await Task.WhenAny(work, Task.Delay(remaining, time, ct)).ConfigureAwait(false);
            }

            if (!work.IsCompleted)
            {
                await responder.DeferAsync(ct).ConfigureAwait(false);
                RecordAck(receivedAt);
                Count(interaction, "late");
            }
        }

        var acknowledged = responder.IsAcknowledged;
        await responder.RespondAsync(await work.ConfigureAwait(false), ct).ConfigureAwait(false);
        if (!acknowledged)
        {
            RecordAck(receivedAt);
        }

        Count(interaction, "ok");
    }

    private void RecordAck(long receivedAt) =>
        BotMetrics.AckLatency.Record(time.GetElapsedTime(receivedAt).TotalSeconds, new KeyValuePair<string, object?>("platform", "discord"));

    private static void Count(ParsedInteraction interaction, string outcome) =>
        BotMetrics.Interactions.Add(1,
            new KeyValuePair<string, object?>("platform", "discord"),
            new KeyValuePair<string, object?>("kind", interaction.Input switch
            {
                CommandInput => "command",
                ChoiceInput => "choice",
                FormInput => "form",
                _ when interaction.Suggest is not null => "autocomplete",
                _ => "other",
            }),
            new KeyValuePair<string, object?>("outcome", outcome));

    private async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestInput input, CancellationToken ct)
    {
        try
        {
            return await bot.SuggestAsync(input, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.InteractionFailed(ex);
            return [];
        }
    }

    private async Task<Reply> CallCoreAsync(BotInput input, CancellationToken ct)
    {
        try
        {
            return await bot.HandleAsync(input, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.InteractionFailed(ex);
            return Reply.Private("Something went wrong on our side. Please try again in a moment.");
        }
    }
}
