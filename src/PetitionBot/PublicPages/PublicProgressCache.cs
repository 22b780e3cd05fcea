using System.Collections.Concurrent;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Reports;

namespace PetitionBot.PublicPages;

/// <summary>Each campaign's public numbers, read at most once per <see cref="Lifetime"/> however many people load the
/// page (a link shared widely must not turn into one store read per visitor).</summary>
public sealed class PublicProgressCache(PublicProgressBuilder builder, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (PublicProgress Progress, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<PublicProgress> GetAsync(CampaignDefinition campaign, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(campaign.Id, out var entry) && entry.Until > now)
        {
            return entry.Progress;
        }

        await _gate.WaitAsync(ct);
        try
        {
            now = time.GetUtcNow();
            if (_entries.TryGetValue(campaign.Id, out entry) && entry.Until > now)
            {
                return entry.Progress;
            }

            var progress = await builder.BuildAsync(campaign, now, ct);
            _entries[campaign.Id] = (progress, now + Lifetime);
            return progress;
        }
        finally
        {
            _gate.Release();
        }
    }
}
