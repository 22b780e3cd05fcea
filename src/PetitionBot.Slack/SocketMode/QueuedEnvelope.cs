namespace PetitionBot.Slack.SocketMode;

/// <summary>An envelope waiting for a worker, with the connection its ack must go back on.</summary>
internal sealed record QueuedEnvelope(SlackEnvelope Envelope, SocketModeConnection Connection);
