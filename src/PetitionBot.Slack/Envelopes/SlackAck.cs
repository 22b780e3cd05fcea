using PetitionBot.Slack.Api;

namespace PetitionBot.Slack.Envelopes;

/// <summary>The acknowledgement of one envelope, sent at most once the way its transport needs (on the socket the
/// envelope came from, or as the HTTP response). Whoever took the envelope sends an empty ack in a finally if the
/// handler did not.</summary>
internal sealed class SlackAck(Func<SlackAckPayload?, Task> send)
{
    private int _sent;

    public bool IsSent => Volatile.Read(ref _sent) != 0;

    /// <summary>The payload that was sent with the ack, for tests and logs.</summary>
    public SlackAckPayload? SentPayload { get; private set; }

    /// <summary>Send the ack (with an optional payload); false when it was already sent.</summary>
    public async Task<bool> SendAsync(SlackAckPayload? payload = null)
    {
        if (Interlocked.Exchange(ref _sent, 1) != 0)
        {
            return false;
        }

        SentPayload = payload;
        await send(payload).ConfigureAwait(false);
        return true;
    }
}
