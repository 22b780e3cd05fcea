using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PetitionBot.Slack.WebApi;

/// <summary>Routes every team to its bot token: the team's installation ("Add to Slack") when there is one,
/// otherwise <see cref="SlackOptions.BotToken"/> (the one-workspace shortcut). Installations are cached for a minute.</summary>
internal sealed class SlackTokenProvider(IOptions<SlackOptions> options, TimeProvider time, IInstallationStore? store = null)
{
    private static readonly TimeSpan CacheTtl = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, (Installation? Installation, DateTimeOffset At)> _cache = new(StringComparer.Ordinal);

    public bool HasInstallationStore => store is not null;

    public async Task<SlackToken?> GetAsync(string teamId, CancellationToken ct = default)
    {
        if (store is not null && !string.IsNullOrEmpty(teamId))
        {
            var now = time.GetUtcNow();
            if (!_cache.TryGetValue(teamId, out var cached) || now - cached.At > CacheTtl)
            {
                cached = (await store.FindAsync(new ServerRef(PlatformKind.Slack, teamId), ct).ConfigureAwait(false), now);
                _cache[teamId] = cached;
            }

            if (cached.Installation is { } installation && !string.IsNullOrEmpty(installation.AccessToken))
            {
                return new SlackToken(teamId, installation.AccessToken);
            }
        }

        var fallback = options.Value.BotToken;
        return string.IsNullOrWhiteSpace(fallback) ? null : new SlackToken(teamId, fallback);
    }

    /// <summary>The token for the team a payload names, or null when it names none or the team is unknown (then there is
    /// nobody to answer with).</summary>
    public async Task<SlackToken?> ForTeamAsync(string? teamId, CancellationToken ct = default) =>
        teamId is null ? null : await GetAsync(teamId, ct).ConfigureAwait(false);

    /// <summary>Forget a cached installation (after an install or an uninstall).</summary>
    public void Invalidate(string teamId) => _cache.TryRemove(teamId, out _);

    /// <summary>Whether any workspace can be served: a bot token or at least one installation.</summary>
    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BotToken))
        {
            return true;
        }

        return store is not null && (await store.ListAsync(PlatformKind.Slack, ct).ConfigureAwait(false)).Count > 0;
    }
}
