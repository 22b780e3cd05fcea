using PetitionBot.Core.Model;

namespace PetitionBot.Core.Storage;

/// <summary>A stored signature. <see cref="FullName"/> is null for counted-only signers. <see cref="EmailDomain"/> is the
/// domain of the verified address (the address itself is never returned).</summary>
public sealed record SignatureRecord(
    string Id,
    string CampaignId,
    PlatformKind Platform,
    string ServerId,
    string? FullName,
    string School,
    string Stage,
    string Role,
    Verification Verification,
    DateTimeOffset SignedAt,
    string SchoolId = Schools.School.OtherId,
    string? EmailDomain = null)
{
    public bool IsNamed => FullName is not null;
}
