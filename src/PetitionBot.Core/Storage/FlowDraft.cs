namespace PetitionBot.Core.Storage;

/// <summary>A flow between two steps (Discord custom_id holds only 100 chars, so state lives here).
/// <paramref name="OwnerKey"/> is the identity key of its owner (stored hashed); <paramref name="Values"/> may hold
/// personal data and is stored encrypted, and deleted when the flow ends or expires.</summary>
public sealed record FlowDraft(
    string Id,
    string Flow,
    string OwnerKey,
    string CampaignId,
    string Step,
    IReadOnlyDictionary<string, string> Values,
    DateTimeOffset ExpiresAt);
