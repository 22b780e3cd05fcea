namespace PetitionBot.Slack.SocketMode;

/// <summary>An envelope waiting for a worker, with the connection its ack must go back on. <paramref name="Acked"/>:
/// the read loop has already acknowledged it (see <see cref="SocketModeAckPolicy"/>). Otherwise <see cref="Ack"/> is
/// its acknowledgement, which <see cref="Backstop"/> sends empty once its budget has passed, whether or not a worker
/// has taken the envelope by then.</summary>
internal sealed record QueuedEnvelope(SlackEnvelope Envelope, SocketModeConnection Connection, bool Acked = false)
{
    public SlackAck? Ack { get; init; }

    public ITimer? Backstop { get; init; }
}
