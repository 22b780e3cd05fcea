using PetitionBot.Core.Model;

namespace PetitionBot.Core.Ports;

/// <summary>A stored opt-in as /mydata shows it (no user id: that stays encrypted in the store).</summary>
public sealed record Subscription(
    string Id,
    string CampaignId,
    PlatformKind Platform,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);
