using PetitionBot.Core.Interactions;

namespace PetitionBot.Slack.Interactions;

/// <summary>Remembers recent HTTP-mode deliveries (trigger_id / event_id) so a Slack retry is acknowledged but not acted on twice.</summary>
public sealed class SlackHttpReplayGuard
{
    private readonly RecentKeys _seen = new(20_000);

    public bool FirstTime(string key) => _seen.TryAdd(key);
}
