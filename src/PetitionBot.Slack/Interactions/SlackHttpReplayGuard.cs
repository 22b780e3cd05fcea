namespace PetitionBot.Slack.Interactions;

/// <summary>Remembers recent HTTP-mode deliveries (trigger_id / event_id) so a Slack retry is acknowledged but not acted on twice.</summary>
internal sealed class SlackHttpReplayGuard(IHandledKeys seen)
{
    public Task<bool> FirstTimeAsync(string key, CancellationToken ct = default) => seen.FirstTimeAsync(SignedRequestKeys.For("slack:http:" + key), ct);
}
