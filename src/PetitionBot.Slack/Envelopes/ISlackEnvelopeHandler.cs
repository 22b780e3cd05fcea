namespace PetitionBot.Slack.Envelopes;

/// <summary>Handles one envelope, from either transport. Must acknowledge through <paramref name="ack"/> within the
/// deadline (the transport acknowledges in a finally otherwise).</summary>
internal interface ISlackEnvelopeHandler
{
    Task HandleAsync(SlackEnvelope envelope, SlackAck ack, CancellationToken ct = default);
}
