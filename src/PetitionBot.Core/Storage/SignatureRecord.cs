using PetitionBot.Core.Model;

namespace PetitionBot.Core.Storage;

/// <summary>A stored signature. <see cref="FullName"/> is null for counted-only signers.</summary>
public sealed record SignatureRecord(
    string Id,
    string CampaignId,
    PlatformKind Platform,
    string WorkspaceId,
    string? FullName,
    string School,
    string Stage,
    string Role,
    Verification Verification,
    DateTimeOffset SignedAt)
{
    public bool IsNamed => FullName is not null;
}
