using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

/// <summary>An opt-in to be stored. <paramref name="UserId"/> is the platform user id the DM goes to (stored encrypted);
/// <paramref name="IdentityKey"/> is stored only as a keyed hash; <paramref name="ExpiresAt"/> is the campaign's close plus
/// 30 days (null while the campaign has no close date: the purge then follows the campaign's configuration).</summary>
public sealed record NewSubscription(
    string CampaignId,
    string IdentityKey,
    PlatformKind Platform,
    string ServerId,
    string UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);
