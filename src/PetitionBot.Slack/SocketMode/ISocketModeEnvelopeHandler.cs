namespace PetitionBot.Slack.SocketMode;

/// <summary>Handles one envelope on a worker. Must acknowledge through <paramref name="ack"/> within the deadline
/// (the worker acknowledges in a finally otherwise).</summary>
public interface ISocketModeEnvelopeHandler
{
    Task HandleAsync(SocketModeEnvelope envelope, SocketModeAck ack, CancellationToken ct = default);
}
