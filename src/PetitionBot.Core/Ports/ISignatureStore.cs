namespace PetitionBot.Core.Ports;

/// <summary>Signatures and their aggregates. One signature per (campaign, identity), enforced by the store itself.</summary>
public interface ISignatureStore
{
    /// <summary>Saves the signature, updates every aggregate and records any milestone it crosses (decided, worded and
    /// addressed by <see cref="Announcements.MilestoneCrossing"/>, <see cref="Announcements.MilestoneAnnouncements"/> and
    /// <see cref="Announcements.AnnouncementTargets"/>; with its outbox deliveries) in one transaction, then raises
    /// <see cref="IOutboxSignal"/>. A second signature by the same identity changes nothing.</summary>
    Task<SignOutcome> AddAsync(NewSignature signature, MilestonePlan milestones, CancellationToken ct = default);

    Task<SignatureRecord?> FindAsync(string campaignId, string identityKey, CancellationToken ct = default);

    /// <summary>Every signature of this identity, in all campaigns (for /mydata).</summary>
    Task<IReadOnlyList<SignatureRecord>> FindAllAsync(string identityKey, CancellationToken ct = default);

    /// <summary>Deletes the signature and its personal data and lowers the aggregates. False when there was none.</summary>
    Task<bool> RemoveAsync(string campaignId, string identityKey, CancellationToken ct = default);

    Task<CampaignStats> GetStatsAsync(string campaignId, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Removes a campaign's signatures made in <paramref name="server"/> (when given) within [from, to)
    /// (when given), for spam clean-up; every aggregate drops with them. Returns how many were removed.</summary>
    Task<int> InvalidateAsync(string campaignId, Model.ServerRef? server, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct = default);

    /// <summary>All signatures of a campaign, oldest first (for the organizer's export).</summary>
    IAsyncEnumerable<SignatureRecord> ListAsync(string campaignId, CancellationToken ct = default);
}
