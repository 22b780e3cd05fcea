namespace PetitionBot.Slack.SocketMode;

/// <summary>An envelope waiting for a worker, with the connection its ack must go back on. <paramref name="Acked"/>:
/// the read loop has already acknowledged it (see <see cref="SocketModeAckPolicy"/>).</summary>
internal sealed record QueuedEnvelope(SlackEnvelope Envelope, SocketModeConnection Connection, bool Acked = false);
