using System.Collections.Concurrent;
using PetitionBot.Core.Campaigns;
using PetitionBot.Core.Announcements;
using PetitionBot.Core.Interactions;
using PetitionBot.Core.Storage;
using PetitionBot.Core.Ports;

namespace PetitionBot.Outbox;

/// <summary>An announcement's words for the fan-out, cached, with the campaign's progress as it stands now. Milestone
/// texts are composed by the core when the store writes the announcement; only an announcement stored without its text
/// (written by an earlier version, or from a plan without the campaign's definition) is composed here, once, and saved,
/// so every channel and every restart still uses the same words.</summary>
public sealed class AnnouncementTexts(
    IOutboxStore outbox,
    ISignatureStore signatures,
    CampaignDirectory campaigns,
    AnnouncementComposer composer,
    TimeProvider time)
{
    // One read per announcement however many deliveries of it start at once (a fan-out starts 32 together).
    private readonly ConcurrentDictionary<string, Lazy<Task<ComposedAnnouncement?>>> _cache = new(StringComparer.Ordinal);

    public async Task<ComposedAnnouncement?> GetAsync(string announcementId, CancellationToken ct = default)
    {
        if (_cache.Count > 1000)
        {
            _cache.Clear();
        }

        var entry = _cache.GetOrAdd(announcementId, id => new Lazy<Task<ComposedAnnouncement?>>(() => ReadAsync(id, CancellationToken.None)));
        ComposedAnnouncement? composed;
        try
        {
            composed = await entry.Value.WaitAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // A failed read is not kept: the next delivery reads again.
            _cache.TryRemove(new KeyValuePair<string, Lazy<Task<ComposedAnnouncement?>>>(announcementId, entry));
            throw;
        }

        if (composed is null)
        {
            // Nor is a missing announcement or campaign.
            _cache.TryRemove(new KeyValuePair<string, Lazy<Task<ComposedAnnouncement?>>>(announcementId, entry));
        }

        return composed;
    }

    private async Task<ComposedAnnouncement?> ReadAsync(string announcementId, CancellationToken ct)
    {
        var announcement = await outbox.FindAnnouncementAsync(announcementId, ct);
        if (announcement is null)
        {
            return null;
        }

        var campaign = campaigns.Find(announcement.CampaignId);
        Progress? progress = null;
        if (announcement.Text is null || announcement.Kind != AnnouncementKind.ChapterUpdate)
        {
            var stats = campaign is null ? null : await signatures.GetStatsAsync(campaign.Id, time.GetUtcNow(), ct);
            if (announcement.Text is null)
            {
                if (campaign is null || stats is null)
                {
                    return null;
                }

                var (title, text) = composer.Compose(announcement, campaign, stats);
                await outbox.SetTextAsync(announcement.Id, title, text, ct);
                announcement = await outbox.FindAnnouncementAsync(announcementId, ct) ?? announcement;
            }

            if (campaign is not null && stats is not null)
            {
                progress = AnnouncementComposer.ProgressOf(campaign, stats);
            }
        }

        return new ComposedAnnouncement(announcement.Title, announcement.Text ?? "", progress);
    }
}
