using PetitionBot.Core.Model;

namespace PetitionBot.Core.Storage;

/// <summary>A signature about to be saved. <paramref name="FullName"/> is null for a counted-only signature
/// and is then never stored anywhere. <paramref name="IdentityKey"/> is stored only as a keyed hash. <paramref name="DraftId"/>,
/// when set, is the flow draft the store deletes in the same transaction as the signature (when it is added).</summary>
public sealed record NewSignature(
    string CampaignId,
    string IdentityKey,
    PlatformKind Platform,
    string ServerId,
    string? FullName,
    string School,
    string Stage,
    string Role,
    Verification Verification,
    DateTimeOffset SignedAt,
    string SchoolId = Schools.School.OtherId,
    string? EmailAddress = null,
    string? DraftId = null);
